using InternalSocial.Kernel.Security;

namespace InternalSocial.Groups;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>See the directory and read public groups. Guests lack it: they see only the groups they belong to.</summary>
    public static readonly Permission ViewGroups = new("Groups.View", "See the group directory and read public groups", "Groups");

    public static readonly Permission CreateGroups = new("Groups.Create", "Create groups", "Groups");

    /// <summary>Tenant-wide administration of every group, secret ones included, and module locks.</summary>
    public static readonly Permission ManageGroups = new("Groups.Manage", "Administer every group and lock group modules", "Groups");

    public IEnumerable<Permission> GetPermissions() => [ViewGroups, CreateGroups, ManageGroups];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ViewGroups, CreateGroups, ManageGroups]),
        new(BuiltInRoles.CommunicationDirector, [ViewGroups, CreateGroups, ManageGroups]),
        new(BuiltInRoles.Moderator, [ViewGroups, CreateGroups]),
        new(BuiltInRoles.Employee, [ViewGroups, CreateGroups]),
    ];
}
