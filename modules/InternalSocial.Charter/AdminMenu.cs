using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Charter;

/// <summary>The charter's administration page; people reach their own charter through the gate and the composer.</summary>
internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Charter", "~/admin/charter", 560, Permissions.ManageCharter));
        }
    }
}
