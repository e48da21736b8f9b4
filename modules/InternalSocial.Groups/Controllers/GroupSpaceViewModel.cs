using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;

namespace InternalSocial.Groups.Controllers;

/// <summary>The group's header and tabs, shared by every tab of the group space.</summary>
internal sealed record GroupSpaceViewModel(GroupStanding Standing, IReadOnlyList<GroupTab> Tabs, string ActiveTab, bool Requested, int PendingRequests, bool Invited = false)
{
    public Group Group => Standing.Group;
}
