using System.Globalization;
using System.Security.Claims;
using System.Text;
using InternalSocial.Groups.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Fields of a new group or of a change; null leaves a field as it is on update.</summary>
public sealed record GroupInput(
    string? Name,
    string? Description = null,
    GroupType? Type = null,
    GroupVisibility? Visibility = null,
    PostingPolicy? PostingPolicy = null,
    bool? PostsNeedApproval = null,
    bool? IsMandatory = null,
    string? Slug = null);

/// <summary>Directory filters. <see cref="Mine"/> keeps the user's groups only.</summary>
public sealed record GroupQuery(string? Search = null, GroupType? Type = null, GroupVisibility? Visibility = null, bool Mine = false, bool Archived = false, string? Cursor = null);

public sealed record GroupListItem(Group Group, GroupRole? MyRole, bool Requested);

public sealed record GroupPage(IReadOnlyList<GroupListItem> Groups, string? NextCursor);

public sealed record PickerItem(long Id, string Name, string Slug, bool NeedsApproval);

/// <summary>Creates, finds, lists and changes groups; checks the permission and the group role on every call.</summary>
public sealed class GroupsService(
    GroupsDbContext db,
    GroupAccess access,
    GroupModules modules,
    IAuthorizationService authorization,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int PageSize = 30;
    public const int PickerSize = 20;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;

    /// <summary>Slugs that are page names under /groups.</summary>
    private static readonly string[] ReservedSlugs = ["new", "picker", "modules", "invitations"];

    /// <summary>The module registry, for group pages and module guards.</summary>
    public GroupModules Modules => modules;

    public IStringLocalizer Texts => T;

    /// <summary>The group by id or slug as the user may see it; 404 when it does not exist or is hidden from the user.</summary>
    public async Task<GroupStanding> GetVisibleAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Slugs are stored in lower case.
        var slug = key.ToLowerInvariant();
        var group = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            : await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Slug == slug, cancellationToken);
        var standing = group is null ? null : await access.StandingAsync(user, group, cancellationToken);
        // A hidden group and a missing one answer alike, so that a secret group's existence does not leak.
        return standing is { CanSee: true } ? standing : throw new NotFoundException(T["No group '{0}'.", key]);
    }

    /// <summary>Like <see cref="GetVisibleAsync"/>, and 403 when the user sees the group but may not read its content.</summary>
    public async Task<GroupStanding> GetReadableAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken)
    {
        var standing = await GetVisibleAsync(user, key, cancellationToken);
        return standing.CanRead ? standing : throw new PermissionDeniedException(GroupRights.ReadContent);
    }

    /// <summary>The group for a change needing a group role (owners and admins by default); 404 when hidden, 403 when visible but not allowed.</summary>
    public async Task<GroupStanding> GetForAdminAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken, GroupRole minimum = GroupRole.Admin)
    {
        var standing = await GetVisibleAsync(user, key, cancellationToken);
        return standing.IsTenantAdmin || standing.Role >= minimum ? standing : throw new PermissionDeniedException(GroupRights.AdministerGroup);
    }

    public async Task<GroupPage> ListAsync(ClaimsPrincipal user, GroupQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        var userId = UserId(user);
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
        var userId = UserId(user) ?? throw new PermissionDeniedException(GroupRights.ReadContent);
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

    public async Task<Group> CreateAsync(ClaimsPrincipal user, GroupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await authorization.EnsurePermissionAsync(user, Permissions.CreateGroups);
        var isTenantAdmin = await access.IsTenantAdminAsync(user, cancellationToken);
        if (input.IsMandatory == true && !isTenantAdmin)
        {
            // Mandatory groups bind everyone: only tenant group administrators make them.
            throw new PermissionDeniedException(Permissions.ManageGroups);
        }

        var group = await CreateUncheckedAsync(input, UserId(user)!, cancellationToken, hideSecretAddress: true);
        return group;
    }

    /// <summary>
    /// Creates a group without a permission check (recipes); the creator, when a person, becomes its owner. With
    /// <paramref name="hideSecretAddress"/>, a secret group's address gets a random part (<see cref="GroupNames"/>);
    /// a recipe keeps the address it names, by which it finds the group when it runs again.
    /// </summary>
    internal async Task<Group> CreateUncheckedAsync(GroupInput input, string createdBy, CancellationToken cancellationToken, bool hideSecretAddress = false)
    {
        var name = Validate(input, isNew: true);
        await EnsureNameFreeAsync(name, null, cancellationToken);
        var slug = await GroupNames.FreeSlugAsync(db, Slugify(input.Slug ?? name), null, hideSecretAddress && input.Visibility == GroupVisibility.Secret, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var group = new Group
        {
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            Slug = slug,
            Description = input.Description?.Trim() ?? "",
            Type = input.Type ?? GroupType.Community,
            Visibility = input.Visibility ?? GroupVisibility.Public,
            PostingPolicy = input.PostingPolicy ?? PostingPolicy.Everyone,
            PostsNeedApproval = input.PostsNeedApproval ?? false,
            IsMandatory = input.IsMandatory ?? false,
            CreatedUtc = now,
            CreatedBy = createdBy,
        };
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        if (createdBy.Length > 0)
        {
            db.Members.Add(new GroupMember { GroupId = group.Id, UserId = createdBy, Role = GroupRole.Owner, JoinedUtc = now });
            group.MemberCount = 1;
            await db.SaveChangesAsync(cancellationToken);
            access.Forget();
        }

        return group;
    }

    public async Task<Group> UpdateAsync(ClaimsPrincipal user, string key, GroupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var standing = await GetForAdminAsync(user, key, cancellationToken);
        if (input.IsMandatory is { } mandatory && mandatory != standing.Group.IsMandatory && !standing.IsTenantAdmin)
        {
            throw new PermissionDeniedException(Permissions.ManageGroups);
        }

        return await UpdateUncheckedAsync(standing.Group.Id, input, cancellationToken, hideSecretAddress: true);
    }

    /// <summary>Changes a group without a permission check (recipes); <paramref name="hideSecretAddress"/> as on creation.</summary>
    internal async Task<Group> UpdateUncheckedAsync(long groupId, GroupInput input, CancellationToken cancellationToken, bool hideSecretAddress = false)
    {
        var group = await db.Groups.FirstAsync(g => g.Id == groupId, cancellationToken);
        var name = Validate(input, isNew: false);
        var secret = (input.Visibility ?? group.Visibility) == GroupVisibility.Secret;
        var hideAddress = hideSecretAddress && secret;
        if (name.Length > 0 && name != group.Name)
        {
            await EnsureNameFreeAsync(name, group.Id, cancellationToken);
            group.Name = name;
            group.NormalizedName = name.ToUpperInvariant();
        }
        else if (!secret && group.Visibility == GroupVisibility.Secret)
        {
            // Out of hiding, the name joins those that must be unique.
            await EnsureNameFreeAsync(group.Name, group.Id, cancellationToken);
        }

        if (input.Slug is { } slug && !string.Equals(slug, group.Slug, StringComparison.OrdinalIgnoreCase))
        {
            group.Slug = await GroupNames.FreeSlugAsync(db, Slugify(slug), group.Id, hideAddress, cancellationToken);
        }
        else if (hideAddress && group.Visibility != GroupVisibility.Secret)
        {
            // Into hiding: the readable address is given up, or others asking for it would get "-2".
            group.Slug = await GroupNames.FreeSlugAsync(db, group.Slug, group.Id, secret: true, cancellationToken);
        }

        group.Description = input.Description?.Trim() ?? group.Description;
        group.Type = input.Type ?? group.Type;
        group.Visibility = input.Visibility ?? group.Visibility;
        group.PostingPolicy = input.PostingPolicy ?? group.PostingPolicy;
        group.PostsNeedApproval = input.PostsNeedApproval ?? group.PostsNeedApproval;
        group.IsMandatory = input.IsMandatory ?? group.IsMandatory;
        await db.SaveChangesAsync(cancellationToken);
        access.Forget();
        return group;
    }

    /// <summary>Archives (true) or restores (false) a group: its content stays; nobody posts or joins while archived.</summary>
    public async Task<Group> SetArchivedAsync(ClaimsPrincipal user, string key, bool archived, CancellationToken cancellationToken)
    {
        var standing = await GetForAdminAsync(user, key, cancellationToken, GroupRole.Owner);
        var group = await db.Groups.FirstAsync(g => g.Id == standing.Group.Id, cancellationToken);
        if (group.IsArchived == archived)
        {
            return group;
        }

        group.IsArchived = archived;
        await db.SaveChangesAsync(cancellationToken);
        access.Forget();
        if (archived)
        {
            await events.PublishAsync(new GroupArchived(group.Id, UserId(user)!), cancellationToken);
        }

        return group;
    }

    /// <summary>Switches a module on or off in a group; 403 when the tenant has locked it.</summary>
    public async Task SetModuleAsync(ClaimsPrincipal user, string key, string moduleKey, bool enabled, CancellationToken cancellationToken)
    {
        var standing = await GetForAdminAsync(user, key, cancellationToken);
        if (modules.Available.All(m => m.Key != moduleKey))
        {
            throw new NotFoundException(T["No group module '{0}'.", moduleKey]);
        }

        if (!await modules.TrySetAsync(standing.Group, moduleKey, enabled, cancellationToken))
        {
            throw new PermissionDeniedException(Permissions.ManageGroups);
        }
    }

    /// <summary>Locks a module for all groups or a group type (null <paramref name="enabled"/> unlocks). Needs Groups.Manage.</summary>
    public async Task SetModuleLockAsync(ClaimsPrincipal user, string moduleKey, string? scope, bool? enabled, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageGroups);
        if (modules.Available.All(m => m.Key != moduleKey))
        {
            throw new NotFoundException(T["No group module '{0}'.", moduleKey]);
        }

        scope ??= GroupModuleLock.AllGroups;
        if (!GroupModules.LockScopes.Contains(scope))
        {
            throw new InvalidInputException("scope", T["The scope must be one of: {0}.", string.Join(", ", GroupModules.LockScopes)]);
        }

        await modules.SetLockAsync(moduleKey, scope, enabled, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupModuleLockInfo>> ListModuleLocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await authorization.EnsurePermissionAsync(user, Permissions.ManageGroups);
        return await modules.ListLocksAsync(cancellationToken);
    }

    internal static string? UserId(ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindUserId() : null;

    /// <summary>"Équipe Lyon #2" → "equipe-lyon-2"; never all digits, so that a slug is never taken for an id.</summary>
    internal static string Slugify(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
        return slug.Length == 0 || slug.All(char.IsAsciiDigit) || ReservedSlugs.Contains(slug) ? "group-" + slug : slug;
    }

    private string Validate(GroupInput input, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 && (isNew || input.Name is not null))
        {
            errors["name"] = T["The name is required."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = T["The name must be at most {0} characters.", MaxNameLength];
        }

        if (input.Description?.Length > MaxDescriptionLength)
        {
            errors["description"] = T["The description must be at most {0} characters.", MaxDescriptionLength];
        }

        if (input.Type is { } type && !Enum.IsDefined(type))
        {
            errors["type"] = T["The type must be project or community."];
        }

        if (input.Visibility is { } visibility && !Enum.IsDefined(visibility))
        {
            errors["visibility"] = T["The visibility must be public, private or secret."];
        }

        if (input.PostingPolicy is { } policy && !Enum.IsDefined(policy))
        {
            errors["postingPolicy"] = T["The posting policy must be everyone or adminsOnly."];
        }

        if (input.Slug is { } slug && (slug.Length is 0 or > 80 || Slugify(slug) != slug))
        {
            errors["slug"] = T["The address must be 1 to 80 lower-case letters, digits and dashes, not only digits."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return name;
    }

    private async Task EnsureNameFreeAsync(string name, long? exceptId, CancellationToken cancellationToken)
    {
        // Only public and private groups hold names (see GroupNames): the 409 is about a group the caller can see.
        if (await GroupNames.IsTakenAsync(db, name, exceptId, cancellationToken))
        {
            throw new ConflictException(T["name: this name is not available; choose another name."]);
        }
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

/// <summary>Group-scoped rights, named in the 403 problem when a person lacks them. Not granted to roles: held through group roles.</summary>
public static class GroupRights
{
    public static readonly InternalSocial.Kernel.Security.Permission ReadContent = new("Groups.Member", "Be a member of the group", "Groups");

    public static readonly InternalSocial.Kernel.Security.Permission AdministerGroup = new("Groups.GroupAdmin", "Be an owner or admin of the group", "Groups");
}
