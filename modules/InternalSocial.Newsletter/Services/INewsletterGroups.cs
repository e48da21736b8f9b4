using System.Security.Claims;

namespace InternalSocial.Newsletter.Services;

/// <summary>
/// Groups as an audience. The Newsletter module knows nothing of groups; the <c>InternalSocial.Newsletter.Groups</c>
/// bridge answers with the Groups module's public services. Without it, no edition goes to a group.
/// </summary>
internal interface INewsletterGroups
{
    bool Enabled { get; }

    /// <summary>The groups the composer may choose from (those whose existence they may know), by name.</summary>
    Task<IReadOnlyList<AudienceGroup>> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Names of the groups among <paramref name="groupIds"/> that the composer may know of; the others are unknown.</summary>
    Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken);

    Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken);
}
