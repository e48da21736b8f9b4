using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Workflows;

/// <summary>The moderation queue in the site's menu; workflows and the moderation log in the administration.</summary>
internal sealed class AdminMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            items.Add(new MenuItem("Moderation", "~/moderation", 800, Permissions.Moderate, Icon: "shield"));
        }
        else if (menuName == MenuNames.Admin)
        {
            items.Add(new MenuItem("Workflows", "~/admin/workflows", 600, Permissions.ManageWorkflows));
            items.Add(new MenuItem("Moderation log", "~/admin/moderation/log", 610, Permissions.ViewModerationLog));
        }
    }
}
