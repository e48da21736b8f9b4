using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Admin;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            items.Add(new MenuItem("Administration", "~/admin", 1000, Permissions.AccessAdmin, Icon: "settings"));
        }
        else if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Dashboard", "~/admin", 0, Permissions.AccessAdmin));
            items.Add(new MenuItem("Features", "~/admin/features", 900, Permissions.ManageFeatures));
            items.Add(new MenuItem("Settings", "~/admin/settings", 950, Permissions.ManageSettings));
        }
    }
}
