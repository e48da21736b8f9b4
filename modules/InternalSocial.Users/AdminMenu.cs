using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Users;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            items.Add(new MenuItem("People", "~/people", 300, Permissions.ViewDirectory, Icon: "people"));
        }
        else if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("People", "~/admin/users", 690, Permissions.ManageUsers));
            items.Add(new MenuItem("Import people", "~/admin/users/import", 695, Permissions.ManageUsers));
            items.Add(new MenuItem("Registration and invitations", "~/admin/users/registration", 697, Permissions.ManageUsers));
            items.Add(new MenuItem("Roles", "~/admin/roles", 700, Permissions.ManageRoles));
        }
    }
}
