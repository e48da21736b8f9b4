using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Recipes;

internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Recipes", "~/admin/recipes", 920, Permissions.RunRecipes));
        }
    }
}
