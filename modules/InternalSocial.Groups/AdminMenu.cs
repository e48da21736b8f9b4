using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Groups;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            // Guests reach their own groups from here too: the directory shows them only those.
            items.Add(new MenuItem("Groups", "~/groups", 200));
        }
    }
}
