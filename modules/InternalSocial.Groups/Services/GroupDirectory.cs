using System.Security.Claims;
using System.Text;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>The directory of groups and the composer's group picker: what a person may see, by name, a page at a time.</summary>
internal sealed class GroupDirectory(GroupsDbContext db, GroupAccess access, IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 30;
    public const int PickerSize = 20;

    public async Task<GroupPage> ListAsync(ClaimsPrincipal user, GroupQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        var userId = GroupsService.UserId(user);
        var canView = await access.CanViewDirectoryAsync(user, cancellationToken);
        var isTenantAdmin = await access.IsTenantAdminAsync(user, cancellationToken);
        var mine = db.Members.Where(m => m.UserId == userId).Select(m => m.GroupId);
        var groups = db.Groups.AsNoTracking().Where(g => g.IsArchived == query.Archived);
        if (query.Mine || !canView)
        {
            // Guests see only their own groups.
            groups = groups.Where(g => mine.Contains(g.Id));
        }
        else if (!isTenantAdmin)
        {
            groups = groups.Where(g => g.Visibility != GroupVisibility.Secret || mine.Contains(g.Id));
        }

        if (query.Type is { } type)
        {
            groups = groups.Where(g => g.Type == type);
        }

        if (query.Visibility is { } visibility)
        {
            groups = groups.Where(g => g.Visibility == visibility);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim().ToUpperInvariant()) + "%";
            groups = groups.Where(g => EF.Functions.Like(g.NormalizedName, pattern, "\\"));
        }

        if (DecodeCursor(query.Cursor) is { } after)
        {
            groups = groups.Where(g => string.Compare(g.NormalizedName, after) > 0);
        }

        var page = await groups.OrderBy(g => g.NormalizedName).Take(PageSize + 1).ToListAsync(cancellationToken);
        var shown = page.Take(PageSize).ToList();
        var roles = await access.RolesAsync(user, cancellationToken);
        var shownIds = shown.Select(g => g.Id).ToList();
        var requested = userId is null ? [] : await db.JoinRequests.AsNoTracking().Where(r => r.UserId == userId && shownIds.Contains(r.GroupId)).Select(r => r.GroupId).ToListAsync(cancellationToken);
        return new GroupPage(
            [.. shown.Select(g => new GroupListItem(g, roles.TryGetValue(g.Id, out var role) ? role : null, requested.Contains(g.Id)))],
            page.Count > PageSize ? EncodeCursor(shown[^1].NormalizedName) : null);
    }

    /// <summary>The user's groups they may post in, by name: for the composer's group picker.</summary>
    public async Task<IReadOnlyList<PickerItem>> PickerAsync(ClaimsPrincipal user, string? search, CancellationToken cancellationToken)
    {
        var userId = GroupsService.UserId(user) ?? throw new PermissionDeniedException(GroupRights.ReadContent);
        var groups =
            from m in db.Members.AsNoTracking()
            join g in db.Groups.AsNoTracking() on m.GroupId equals g.Id
            where m.UserId == userId && !g.IsArchived && (g.PostingPolicy == PostingPolicy.Everyone || m.Role >= GroupRole.Admin)
            select new { g.Id, g.Name, g.NormalizedName, g.Slug, g.PostsNeedApproval, m.Role };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim().ToUpperInvariant()) + "%";
            groups = groups.Where(g => EF.Functions.Like(g.NormalizedName, pattern, "\\"));
        }

        var found = await groups.OrderBy(g => g.NormalizedName).Take(PickerSize).ToListAsync(cancellationToken);
        return [.. found.Select(g => new PickerItem(g.Id, g.Name, g.Slug, g.PostsNeedApproval && g.Role < GroupRole.Moderator))];
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string EncodeCursor(string normalizedName) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(normalizedName));

    private string? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new InvalidInputException("cursor", T["The cursor is not valid; start again from the first page."]);
        }
    }
}
