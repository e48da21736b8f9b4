using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Newsletter;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Newsletter", "~/admin/newsletter", 450, Permissions.ManageNewsletter));
        }
    }
}
