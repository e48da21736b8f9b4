using InternalSocial.Kernel.Security;

namespace InternalSocial.Email;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageEmail = new("Email.Manage", "Configure the SMTP server and see the outbox", "E-mail");

    public IEnumerable<Permission> GetPermissions() => [ManageEmail];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() => [new(BuiltInRoles.Administrator, [ManageEmail])];
}
