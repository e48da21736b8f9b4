using System.Security.Claims;

namespace InternalSocial.Feed.Services;

/// <summary>
/// The seam through which the Groups module tells the feed which groups a person may read and post to. The feed
/// knows nothing else about groups; without the Groups module, nobody reads or posts to any group.
/// </summary>
internal interface IPostContainerAccess
{
    Task<IReadOnlyCollection<long>> GetReadableGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>
    /// The groups whose posts come into the person's home feed: by default those they may read; the Groups module
    /// narrows it to the groups they belong to, so that every public group does not flood everyone's home.
    /// </summary>
    Task<IReadOnlyCollection<long>> GetHomeFeedGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        GetReadableGroupIdsAsync(user, cancellationToken);

    Task<bool> CanReadGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken);

    Task<GroupPostingDecision> CanPostToGroupAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<long, string>> GetGroupNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>False while no module provides groups; posting to a group is then refused with a clear message.</summary>
    bool GroupsEnabled => true;

    /// <summary>Everyone in the group (for an announcement's notifications); none without groups.</summary>
    Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([]);
}
