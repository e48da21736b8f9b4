using InternalSocial.Kernel.Security;

namespace InternalSocial.Users;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Users.ManageUsers", "Create, edit and lock user accounts", "Users");
    public static readonly Permission ManageRoles = new("Users.ManageRoles", "Create roles and change their permissions", "Users");
    public static readonly Permission ViewDirectory = new("Users.ViewDirectory", "Search the directory and see colleagues' profiles", "Users");
    public static readonly Permission ErasePeople = new("Users.ErasePeople", "Erase a person's personal data (cannot be undone)", "Users");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles, ViewDirectory, ErasePeople];

    // Guests get no directory: they see profiles only where an IProfileAccessRule lets them (their groups).
    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(BuiltInRoles.Administrator, [ManageUsers, ManageRoles, ViewDirectory, ErasePeople]),
        new(BuiltInRoles.CommunicationDirector, [ManageUsers, ViewDirectory]),
        new(BuiltInRoles.Moderator, [ViewDirectory]),
        new(BuiltInRoles.Employee, [ViewDirectory]),
    ];
}
