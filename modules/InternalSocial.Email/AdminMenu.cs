using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Email;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("E-mail", "~/admin/email", 800, Permissions.ManageEmail));
        }
    }
}
