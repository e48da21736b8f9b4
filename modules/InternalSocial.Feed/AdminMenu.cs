using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Feed;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            items.Add(new MenuItem("Feed", "~/feed", 10, Permissions.View, Icon: "feed"));
        }
        else if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Feed settings", "~/admin/feed", 510, Permissions.ManageTags));
            items.Add(new MenuItem("Tags", "~/admin/feed/tags", 511, Permissions.ManageTags));
        }
    }
}
