using InternalSocial.Kernel.Navigation;

namespace InternalSocial.Polls.Surveys.Controllers;

/// <summary>"Surveys" in the main menu, after "Polls": on a phone both sit behind "More".</summary>
internal sealed class SurveysMenu : INavigationProvider
{
    public void BuildNavigation(string menuName, ICollection<MenuItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (menuName == MenuNames.Main)
        {
            items.Add(new MenuItem("Surveys", "~/surveys", 610, Permissions.ViewPolls, Icon: "poll"));
        }
    }
}
