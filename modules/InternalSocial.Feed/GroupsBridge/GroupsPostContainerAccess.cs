using System.Security.Claims;
using InternalSocial.Feed.Services;
using InternalSocial.Groups.Abstractions;

namespace InternalSocial.Feed.GroupsBridge;

/// <summary>The feed's group seam answered by the Groups module's access rules (feature "Feed in groups").</summary>
internal sealed class GroupsPostContainerAccess(IGroupAccess groups) : IPostContainerAccess
{
    public Task<IReadOnlyCollection<long>> GetReadableGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        groups.GetReadableGroupIdsAsync(user, cancellationToken);

    public Task<IReadOnlyCollection<long>> GetHomeFeedGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        groups.GetMemberGroupIdsAsync(user, cancellationToken);

    public Task<bool> CanReadGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken) =>
        groups.CanReadAsync(user, groupId, cancellationToken);

    public async Task<GroupPostingDecision> CanPostToGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var decision = await groups.CanPostAsync(user, groupId, cancellationToken);

        // A group that switched its Posts module off takes no posts, by the API either.
        if (decision == GroupPostDecision.Forbidden || !await groups.IsModuleEnabledAsync(groupId, GroupPostsTab.Key, cancellationToken))
        {
            return GroupPostingDecision.Forbidden;
        }

        return decision == GroupPostDecision.NeedsApproval ? GroupPostingDecision.NeedsApproval : GroupPostingDecision.Allowed;
    }

    public Task<IReadOnlyDictionary<long, string>> GetGroupNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        groups.GetNamesAsync(groupIds, user, cancellationToken);

    public Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken) =>
        groups.GetMemberIdsAsync(groupId, cancellationToken);
}
