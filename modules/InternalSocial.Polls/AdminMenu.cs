using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Polls;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            // After Links: on a phone the bar keeps feed, groups and people, and polls sit behind "More" (polls are
            // mostly answered from the feed's cards).
            items.Add(new MenuItem("Polls", "~/polls", 600, Permissions.ViewPolls, Icon: "poll"));
        }
    }
}
