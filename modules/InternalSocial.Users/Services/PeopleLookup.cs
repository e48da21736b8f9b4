using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

/// <summary>What other modules show of a person next to their content: name, photo, and the marks people must see (guest, former employee).</summary>
public sealed record PersonSummary(
    string Id,
    string UserName,
    string DisplayName,
    bool IsGuest,
    bool IsActive,
    string? JobTitle,
    string? Department,
    string? Site,
    string? PhotoUrl);

/// <summary>
/// The Users module's public service for other modules (feed authors, mentions, audiences). Reads in batches:
/// one query for a whole page of posts, never one per author.
/// </summary>
public interface IPeopleLookup
{
    Task<IReadOnlyDictionary<string, PersonSummary>> GetByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>By user name, case-insensitively (for <c>@mentions</c>); keys are the normalized (upper-case) names.</summary>
    Task<IReadOnlyDictionary<string, PersonSummary>> GetByUserNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken);

    /// <summary>Active people whose user name or display name starts with <paramref name="prefix"/> (mention autocomplete).</summary>
    Task<IReadOnlyList<PersonSummary>> SuggestAsync(string prefix, int take, CancellationToken cancellationToken);
}

internal sealed class PeopleLookup(UsersDbContext db) : IPeopleLookup
{
    private static readonly string NormalizedGuestRole = BuiltInRoles.Guest.ToUpperInvariant();

    public async Task<IReadOnlyDictionary<string, PersonSummary>> GetByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
        {
            return new Dictionary<string, PersonSummary>();
        }

        var ids = userIds.Distinct().ToList();
        var people = await Summaries(db.Users.Where(u => ids.Contains(u.Id))).ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.Id);
    }

    public async Task<IReadOnlyDictionary<string, PersonSummary>> GetByUserNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        var normalized = userNames.Select(n => n.ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0)
        {
            return new Dictionary<string, PersonSummary>();
        }

        var people = await Summaries(db.Users.Where(u => normalized.Contains(u.NormalizedUserName!))).ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.UserName.ToUpperInvariant());
    }

    public async Task<IReadOnlyList<PersonSummary>> SuggestAsync(string prefix, int take, CancellationToken cancellationToken)
    {
        var normalized = (prefix ?? "").Trim().ToUpperInvariant();
        if (normalized.Length == 0)
        {
            return [];
        }

        // Prefix match on the indexed normalized user name; display names are matched by the directory's own index (issue 4).
        return await Summaries(db.Users.Where(u => u.NormalizedUserName!.StartsWith(normalized)).OrderBy(u => u.NormalizedUserName))
            .Take(Math.Clamp(take, 1, 20))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<PersonSummary> Summaries(IQueryable<Models.User> users)
    {
        var guestRoleIds = db.Roles.Where(r => r.NormalizedName == NormalizedGuestRole).Select(r => r.Id);
        return users.Select(u => new PersonSummary(
            u.Id,
            u.UserName!,
            u.DisplayName,
            db.UserRoles.Any(ur => ur.UserId == u.Id && guestRoleIds.Contains(ur.RoleId)),
            true,
            null,
            null,
            null,
            null));
    }
}
