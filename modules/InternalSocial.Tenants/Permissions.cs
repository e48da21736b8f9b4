using InternalSocial.Kernel.Security;

namespace InternalSocial.Tenants;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageTenants = new("Tenants.ManageTenants", "Create, set up and disable organisations", "Tenants");

    public IEnumerable<Permission> GetPermissions() => [ManageTenants];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() => [new(BuiltInRoles.Administrator, [ManageTenants])];
}
