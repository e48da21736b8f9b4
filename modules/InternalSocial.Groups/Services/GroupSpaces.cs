using System.Security.Claims;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Groups.Controllers;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>
/// The group space's header and tabs, for the Groups module's pages and for the pages other modules add to a group (the
/// feed's Posts tab): they render <c>/Views/Groups/_GroupHeader.cshtml</c> with this model. Tab URLs are site paths
/// (<c>~/groups/…</c>).
/// </summary>
internal sealed class GroupSpaces(GroupsService groups, JoinRequestService requests, InvitationService invitations, IStringLocalizer<ModuleResources> T) : IGroupSpaces
{
    public async Task<GroupSpace> EnterAsync(ClaimsPrincipal user, string key, string moduleKey, CancellationToken cancellationToken) =>
        Space((await groups.EnsureModuleEnabledAsync(user, key, moduleKey, cancellationToken)).Group);

    public async Task<GroupSpacePage> ShowAsync(ClaimsPrincipal user, string key, string moduleKey, CancellationToken cancellationToken)
    {
        var standing = await groups.EnsureModuleEnabledAsync(user, key, moduleKey, cancellationToken);
        return new GroupSpacePage(Space(standing.Group), await BuildAsync(user, standing, moduleKey, cancellationToken));
    }

    /// <summary>The space of a group the user may see; 404 otherwise (see <see cref="GroupsService.GetVisibleAsync"/>).</summary>
    public async Task<GroupSpaceViewModel> GetAsync(ClaimsPrincipal user, string key, string activeTab, CancellationToken cancellationToken) =>
        await BuildAsync(user, await groups.GetVisibleAsync(user, key, cancellationToken), activeTab, cancellationToken);

    public async Task<GroupSpaceViewModel> BuildAsync(ClaimsPrincipal user, GroupStanding standing, string activeTab, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var group = standing.Group;
        var tabs = new List<GroupTab> { new("about", T["About"], $"~/groups/{group.Slug}") };
        if (standing.CanRead)
        {
            tabs.Add(new("members", T["Members"], $"~/groups/{group.Slug}/members"));
            foreach (var state in (await groups.Modules.GetStatesAsync(group, cancellationToken)).Where(s => s.IsEnabled))
            {
                tabs.Add(new(state.Module.Key, state.Module.DisplayName, state.Module.TabUrl(group.Id, group.Slug)));
            }
        }

        var pending = 0;
        if (standing.IsGroupAdmin)
        {
            pending = await requests.CountRequestsAsync(group.Id, cancellationToken);
            tabs.Add(new("requests", T["Requests"], $"~/groups/{group.Slug}/requests"));
            tabs.Add(new("settings", T["Settings"], $"~/groups/{group.Slug}/settings"));
        }

        var requested = !standing.IsMember && await requests.HasRequestedAsync(user, group.Id, cancellationToken);
        var invited = !standing.IsMember && await invitations.IsInvitedAsync(user, group.Id, cancellationToken);
        return new GroupSpaceViewModel(standing, tabs, activeTab, requested, pending, invited);
    }

    private static GroupSpace Space(Models.Group group) => new(group.Id, group.Slug, group.Name);
}
