using InternalSocial.Kernel.Security;

namespace InternalSocial.QuickLinks;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ViewQuickLinks = new("QuickLinks.View", "See the quick links", "Quick links");
    public static readonly Permission ManageQuickLinks = new("QuickLinks.Manage", "Add and remove quick links", "Quick links");

    public IEnumerable<Permission> GetPermissions() => [ViewQuickLinks, ManageQuickLinks];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ViewQuickLinks, ManageQuickLinks]),
        new(BuiltInRoles.CommunicationDirector, [ViewQuickLinks, ManageQuickLinks]),
        new(BuiltInRoles.Moderator, [ViewQuickLinks]),
        new(BuiltInRoles.Employee, [ViewQuickLinks]),
    ];
}
