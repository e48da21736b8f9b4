using InternalSocial.Kernel.Navigation;

namespace InternalSocial.QuickLinks;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            items.Add(new MenuItem("Links", "~/links", 500, Permissions.ViewQuickLinks, Icon: "link"));
        }
        else if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Quick links", "~/admin/quicklinks", 500, Permissions.ManageQuickLinks));
        }
    }
}
