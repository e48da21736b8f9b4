using System.Security.Claims;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Users.Services;

internal sealed class PeopleLookup(UsersDbContext db, PersonSummaryCache cache, ProfileAccess access, ILookupNormalizer normalizer) : IPeopleLookup
{
    private static readonly string NormalizedGuestRole = BuiltInRoles.Guest.ToUpperInvariant();

    /// <remarks>From <see cref="PersonSummaryCache"/> where it can; the others in one query per 500.</remarks>
    public async Task<IReadOnlyDictionary<string, PersonSummary>> GetByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var found = new Dictionary<string, PersonSummary>(userIds.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in userIds)
        {
            if (found.ContainsKey(id))
            {
                continue;
            }

            if (cache.TryGet(id, out var person))
            {
                found[id] = person;
            }
            else if (!missing.Contains(id, StringComparer.Ordinal))
            {
                missing.Add(id);
            }
        }

        var readStartedAt = cache.BeginRead();
        foreach (var chunk in missing.Chunk(500))
        {
            var people = await SummariesAsync(db.Users.Where(u => chunk.Contains(u.Id)), cancellationToken);
            cache.Store(people, readStartedAt);
            foreach (var person in people)
            {
                found[person.Id] = person;
            }
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, PersonSummary>> GetByUserNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        var normalized = userNames.Select(n => n.ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0)
        {
            return new Dictionary<string, PersonSummary>();
        }

        var people = await SummariesAsync(db.Users.Where(u => normalized.Contains(u.NormalizedUserName!)), cancellationToken);
        return people.ToDictionary(p => p.UserName.ToUpperInvariant());
    }

    public async Task<IReadOnlyList<PersonSummary>> SuggestAsync(ClaimsPrincipal viewer, string prefix, int take, CancellationToken cancellationToken)
    {
        var tokens = Folding.Tokens(prefix, 4);
        var visible = tokens.Count == 0 ? new HashSet<string>() : await access.VisiblePeopleAsync(viewer, cancellationToken);
        if (visible is { Count: 0 })
        {
            return [];
        }

        // Prefix match on the indexed name tokens (display name and user name words), among the people the viewer may
        // see (everyone for employees; for a guest, the few members of their groups, one parameter).
        var users = db.Users.Where(u => u.IsActive);
        if (visible is not null)
        {
            var ids = visible.ToList();
            users = users.Where(u => EF.Parameter(ids).Contains(u.Id));
        }

        foreach (var token in tokens)
        {
            var end = Folding.PrefixEnd(token);
            users = users.Where(u => db.Terms.Any(t => t.UserId == u.Id && t.Kind == Models.PersonTerm.Name
                && string.Compare(t.Value, token) >= 0 && string.Compare(t.Value, end) < 0));
        }

        return await SummariesAsync(users.OrderBy(u => u.DirectoryKey).Take(Math.Clamp(take, 1, 20)), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetActiveUserIdsInRoleAsync(string roleName, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleName);
        var normalized = roleName.ToUpperInvariant();
        var roleIds = db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id);
        return await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId))
            .Join(db.Users.Where(u => u.IsActive), ur => ur.UserId, u => u.Id, (ur, u) => u.Id)
            .OrderBy(id => id).Take(Math.Max(take, 0)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetActiveEmployeeIdsAsync(IReadOnlyCollection<string> departments, IReadOnlyCollection<string> sites, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(sites);
        var guestRoleIds = db.Roles.Where(r => r.NormalizedName == NormalizedGuestRole).Select(r => r.Id);
        var people = db.Users.Where(u => u.IsActive && !db.UserRoles.Any(ur => ur.UserId == u.Id && guestRoleIds.Contains(ur.RoleId)));
        if (departments.Count > 0 || sites.Count > 0)
        {
            var departmentList = departments.ToList();
            var siteList = sites.ToList();
            people = people.Where(u => (u.Department != null && departmentList.Contains(u.Department)) || (u.Site != null && siteList.Contains(u.Site)));
        }

        return await people.Select(u => u.Id).ToListAsync(cancellationToken);
    }

    public async Task<PersonSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = normalizer.NormalizeEmail(email);
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : (await GetByIdsAsync([id], cancellationToken)).GetValueOrDefault(id);
    }

    public async Task<IReadOnlyList<string>> GetUserIdsAfterAsync(string? afterId, int take, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (afterId is not null)
        {
            users = users.Where(u => string.Compare(u.Id, afterId) > 0);
        }

        return await users.OrderBy(u => u.Id).Select(u => u.Id).Take(Math.Max(take, 0)).ToListAsync(cancellationToken);
    }

    /// <summary>The photo's site path: versioned, so a new photo is never hidden by a cached old one.</summary>
    public static string? PhotoUrl(string userId, int? version, bool small = true) =>
        version is null ? null : $"~/api/v1/users/{userId}/photo?v={version}{(small ? "&size=96" : "")}";

    private async Task<List<PersonSummary>> SummariesAsync(IQueryable<Models.User> users, CancellationToken cancellationToken)
    {
        var guestRoleIds = db.Roles.Where(r => r.NormalizedName == NormalizedGuestRole).Select(r => r.Id);
        var rows = await users.AsNoTracking().Select(u => new
        {
            u.Id,
            u.UserName,
            u.DisplayName,
            IsGuest = db.UserRoles.Any(ur => ur.UserId == u.Id && guestRoleIds.Contains(ur.RoleId)),
            u.IsActive,
            u.JobTitle,
            u.Department,
            u.Site,
            u.PhotoVersion,
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PersonSummary(r.Id, r.UserName!, r.DisplayName, r.IsGuest, r.IsActive, r.JobTitle, r.Department, r.Site, PhotoUrl(r.Id, r.PhotoVersion)))];
    }
}
