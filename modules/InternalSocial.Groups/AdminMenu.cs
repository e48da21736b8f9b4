using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Groups;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            // Employees only: guests reach their groups from the links they are given (the directory shows them only those).
            items.Add(new MenuItem("Groups", "~/groups", 200, Permissions.ViewGroups, Icon: "groups"));
        }
    }
}
