using System.Security.Claims;

namespace InternalSocial.Groups.Abstractions;

/// <summary>
/// The Groups module's access rules, for every module that holds per-group content (feed, polls, documents, calendar,
/// search). Answers come from one indexed query per request (the user's memberships), kept only for the request's scope,
/// so a member who leaves loses access on their next request.
/// </summary>
public interface IGroupAccess
{
    /// <summary>Groups whose content this user may read: their groups, public groups for employees, all for tenant group administrators.</summary>
    Task<IReadOnlyCollection<long>> GetReadableGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The groups this user is a member of: what the home feed includes.</summary>
    Task<IReadOnlyCollection<long>> GetMemberGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    Task<bool> CanReadAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken);

    Task<GroupPostDecision> CanPostAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken);

    /// <summary>Group owners, admins and moderators, and holders of Groups.Manage.</summary>
    Task<bool> CanModerateAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken);

    /// <summary>Names of the groups among <paramref name="groupIds"/> whose existence the user may know; a secret group's name only for its members.</summary>
    Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Every member's user id (for notifications). No permission check: callers decide what they send.</summary>
    Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken);

    /// <summary>True when the per-group module is on in this group (see <see cref="IGroupModuleProvider"/>).</summary>
    Task<bool> IsModuleEnabledAsync(long groupId, string moduleKey, CancellationToken cancellationToken);
}
