using System.Security.Claims;

namespace InternalSocial.Users.Abstractions;

/// <summary>
/// The Users module's public service for other modules (feed authors, mentions, audiences). Reads in batches:
/// one query for a whole page of posts, never one per author.
/// </summary>
public interface IPeopleLookup
{
    Task<IReadOnlyDictionary<string, PersonSummary>> GetByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>By user name, case-insensitively (for <c>@mentions</c>); keys are the normalized (upper-case) names.</summary>
    Task<IReadOnlyDictionary<string, PersonSummary>> GetByUserNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken);

    /// <summary>
    /// Active people whose user name or display name starts with <paramref name="prefix"/> (mention autocomplete),
    /// among those the viewer may see: a guest is offered the members of their groups only.
    /// </summary>
    Task<IReadOnlyList<PersonSummary>> SuggestAsync(ClaimsPrincipal viewer, string prefix, int take, CancellationToken cancellationToken);

    /// <summary>The ids of the active people holding a role (moderators to tell about a task), at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<string>> GetActiveUserIdsInRoleAsync(string roleName, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The active employees (guests left out) in any of these departments or sites, or all of them when both lists are
    /// empty: the audience of an organisation-wide announcement.
    /// </summary>
    Task<IReadOnlyList<string>> GetActiveEmployeeIdsAsync(IReadOnlyCollection<string> departments, IReadOnlyCollection<string> sites, CancellationToken cancellationToken);

    /// <summary>The person with this e-mail address (any account, active or not), or null.</summary>
    Task<PersonSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Every account's id in id order, <paramref name="take"/> after <paramref name="afterId"/> (null: from the first):
    /// to walk everyone in batches without loading them all.
    /// </summary>
    Task<IReadOnlyList<string>> GetUserIdsAfterAsync(string? afterId, int take, CancellationToken cancellationToken);
}
