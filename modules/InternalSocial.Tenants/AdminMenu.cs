using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Tenants;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Tenants", "~/admin/tenants", 800, Permissions.ManageTenants));
        }
    }
}
