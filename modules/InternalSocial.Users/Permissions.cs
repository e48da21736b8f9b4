using InternalSocial.Kernel.Security;

namespace InternalSocial.Users;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Users.ManageUsers", "Create, edit and lock user accounts", "Users");
    public static readonly Permission ManageRoles = new("Users.ManageRoles", "Create roles and change their permissions", "Users");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageUsers, ManageRoles]),
        new(BuiltInRoles.CommunicationDirector, [ManageUsers]),
    ];
}
