using System.Security.Claims;

namespace InternalSocial.Feed.Services;

/// <summary>The default: no groups at all.</summary>
internal sealed class NoGroupsAccess : IPostContainerAccess
{
    public bool GroupsEnabled => false;

    public Task<IReadOnlyCollection<long>> GetReadableGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<long>>([]);

    public Task<bool> CanReadGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<GroupPostingDecision> CanPostToGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken) =>
        Task.FromResult(GroupPostingDecision.Forbidden);

    public Task<IReadOnlyDictionary<long, string>> GetGroupNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(new Dictionary<long, string>());
}
