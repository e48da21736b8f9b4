using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Users.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Users.Services;

/// <param name="PhotoUrl">A site path starting with <c>~/</c>, or null.</param>
internal sealed record DirectoryEntry(string Id, string UserName, string DisplayName, string? JobTitle, string? Department, string? Site, string? PhotoUrl, bool IsGuest, bool IsActive);

internal sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Users, string? NextCursor);

internal sealed record DirectoryQuery(string? Q = null, string? Department = null, string? Site = null, string? Skill = null, string? Language = null, string? Cursor = null)
{
    public bool HasFilters => !string.IsNullOrWhiteSpace(Department) || !string.IsNullOrWhiteSpace(Site)
        || !string.IsNullOrWhiteSpace(Skill) || !string.IsNullOrWhiteSpace(Language);
}

/// <summary>A person's place in the organisation: their managers up to the top, and their direct reports.</summary>
internal sealed record TeamView(DirectoryEntry Person, IReadOnlyList<DirectoryEntry> Managers, IReadOnlyList<DirectoryEntry> Reports);

/// <summary>
/// The directory: active people by name prefix, department, site, skill and language, in name order, paged by
/// keyset on the unique <see cref="User.DirectoryKey"/>. Every filter is an indexed equality or range; a page is
/// one query. And the org chart, built from the manager field.
/// </summary>
internal sealed class DirectoryService(UsersDbContext db, IAuthorizationService authorization, ProfileService profiles, ProfileAccess access, IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 50;
    public const int MaxReports = 500;
    private const int MaxChain = 20;

    /// <summary>At most this many matches, a filter is used to find its people first (then sorted); more, and it is checked while walking in name order.</summary>
    private const int RareEnough = 2000;

    public async Task<DirectoryPage> SearchAsync(ClaimsPrincipal viewer, DirectoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await authorization.EnsurePermissionAsync(viewer, Permissions.ViewDirectory);
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (Folding.Fold(query.Department) is { Length: > 0 } department)
        {
            users = users.Where(u => u.NormalizedDepartment == department);
        }

        if (Folding.Fold(query.Site) is { Length: > 0 } site)
        {
            users = users.Where(u => u.NormalizedSite == site);
        }

        users = await WithTermAsync(users, PersonTerm.Skill, query.Skill, cancellationToken);
        users = await WithTermAsync(users, PersonTerm.Language, query.Language, cancellationToken);
        var tokens = Folding.Tokens(query.Q, 4);
        var driver = tokens.Count == 0 ? null : await RarestNameTokenAsync(tokens, cancellationToken);
        foreach (var token in tokens)
        {
            var end = Folding.PrefixEnd(token);
            users = token == driver
                ? users.Where(u => db.Terms.Where(t => t.Kind == PersonTerm.Name && string.Compare(t.Value, token) >= 0 && string.Compare(t.Value, end) < 0)
                    .Select(t => t.UserId).Contains(u.Id))
                : users.Where(u => db.Terms.Any(t => t.UserId == u.Id && t.Kind == PersonTerm.Name
                    && string.Compare(t.Value, token) >= 0 && string.Compare(t.Value, end) < 0));
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            users = users.Where(u => string.Compare(u.DirectoryKey, query.Cursor) > 0);
        }

        var page = await ProjectAsync(users.OrderBy(u => u.DirectoryKey).Take(PageSize + 1), cancellationToken);
        var shown = page.Take(PageSize).ToList();
        return new DirectoryPage([.. shown.Select(r => r.Entry)], page.Count > PageSize ? shown[^1].Key : null);
    }

    /// <summary>
    /// The query token matching the fewest names, when it is rare enough to start from. A common prefix ("mar") is best
    /// checked while walking the people in name order (a page fills quickly); a rare one ("lefe") is best used to find
    /// its few people first, then sort them. Counting an index range costs about a millisecond.
    /// </summary>
    private async Task<string?> RarestNameTokenAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        string? rarest = null;
        var fewest = int.MaxValue;
        foreach (var token in tokens)
        {
            var end = Folding.PrefixEnd(token);
            var count = await db.Terms.Where(t => t.Kind == PersonTerm.Name && string.Compare(t.Value, token) >= 0 && string.Compare(t.Value, end) < 0)
                .Take(RareEnough + 1).CountAsync(cancellationToken);
            if (count < fewest)
            {
                (rarest, fewest) = (token, count);
            }
        }

        return fewest <= RareEnough ? rarest : null;
    }

    /// <summary>The direct reports of a person the viewer may see, in name order.</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> ReportsAsync(ClaimsPrincipal viewer, string userId, CancellationToken cancellationToken)
    {
        await profiles.EnsureVisibleAsync(viewer, userId, cancellationToken);
        var reports = await ReportsOfAsync(userId, cancellationToken);
        // A guest who may see a colleague of their group does not see that colleague's team beyond the group.
        return await access.VisiblePeopleAsync(viewer, cancellationToken) is { } visible ? [.. reports.Where(r => visible.Contains(r.Id))] : reports;
    }

    /// <exception cref="NotFoundException">No such person, or one the viewer may not see.</exception>
    public async Task<TeamView> TeamAsync(ClaimsPrincipal viewer, string userName, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(viewer, Permissions.ViewDirectory);
        var normalized = (userName ?? "").ToUpperInvariant();
        var person = (await ProjectAsync(db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized && u.ErasedUtc == null), cancellationToken)).FirstOrDefault()
            ?? throw new NotFoundException(T["No such person, or not one you may see."]);

        // One query per level up: chains are short, and a loop in bad data stops at the first repeat.
        var managers = new List<DirectoryEntry>();
        var seen = new HashSet<string> { person.Entry.Id };
        var managerId = person.ManagerId;
        while (managerId is not null && managers.Count < MaxChain && seen.Add(managerId))
        {
            var manager = (await ProjectAsync(db.Users.AsNoTracking().Where(u => u.Id == managerId && u.ErasedUtc == null), cancellationToken)).FirstOrDefault();
            if (manager is null)
            {
                break;
            }

            managers.Add(manager.Entry);
            managerId = manager.ManagerId;
        }

        managers.Reverse();
        return new TeamView(person.Entry, managers, await ReportsOfAsync(person.Entry.Id, cancellationToken));
    }

    private async Task<IReadOnlyList<DirectoryEntry>> ReportsOfAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await ProjectAsync(db.Users.AsNoTracking().Where(u => u.ManagerId == userId && u.ErasedUtc == null).OrderBy(u => u.DirectoryKey).Take(MaxReports), cancellationToken)).Select(r => r.Entry)];

    /// <summary>A skill or language filter: started from when rare (its people found first), else checked per person in name order.</summary>
    private async Task<IQueryable<User>> WithTermAsync(IQueryable<User> users, string kind, string? text, CancellationToken cancellationToken)
    {
        var value = Folding.Tag(text);
        if (value.Length == 0)
        {
            return users;
        }

        var holders = db.Terms.Where(t => t.Kind == kind && t.Value == value);
        return await holders.Take(RareEnough + 1).CountAsync(cancellationToken) <= RareEnough
            ? users.Where(u => holders.Select(t => t.UserId).Contains(u.Id))
            : users.Where(u => db.Terms.Any(t => t.UserId == u.Id && t.Kind == kind && t.Value == value));
    }

    private sealed record Row(DirectoryEntry Entry, string Key, string? ManagerId);

    private async Task<List<Row>> ProjectAsync(IQueryable<User> users, CancellationToken cancellationToken)
    {
        var guestRole = BuiltInRoles.Guest.ToUpperInvariant();
        var guestRoleIds = db.Roles.Where(r => r.NormalizedName == guestRole).Select(r => r.Id);
        var rows = await users.Select(u => new
        {
            u.Id,
            u.UserName,
            u.DisplayName,
            u.JobTitle,
            u.Department,
            u.Site,
            u.PhotoVersion,
            IsGuest = db.UserRoles.Any(ur => ur.UserId == u.Id && guestRoleIds.Contains(ur.RoleId)),
            u.IsActive,
            u.DirectoryKey,
            u.ManagerId,
        }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Row(
            new DirectoryEntry(r.Id, r.UserName!, r.DisplayName, r.JobTitle, r.Department, r.Site, PeopleLookup.PhotoUrl(r.Id, r.PhotoVersion), r.IsGuest, r.IsActive),
            r.DirectoryKey!,
            r.ManagerId))];
    }
}
