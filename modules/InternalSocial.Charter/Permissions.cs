using InternalSocial.Kernel.Security;

namespace InternalSocial.Charter;

/// <summary>Reading and accepting one's own charter needs no permission: everyone signed in must be able to.</summary>
internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageCharter = new("Charter.Manage", "Publish charter versions, see acceptances, remind and change the charter's settings", "Charter");

    public IEnumerable<Permission> GetPermissions() => [ManageCharter];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageCharter]),
        new(BuiltInRoles.CommunicationDirector, [ManageCharter]),
    ];
}
