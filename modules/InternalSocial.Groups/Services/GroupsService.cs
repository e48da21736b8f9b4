using System.Globalization;
using System.Security.Claims;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>Finds a group as the user stands in it, creates, changes and archives groups; checks the permission and the group role on every call.</summary>
internal sealed class GroupsService(
    GroupsDbContext db,
    GroupAccess access,
    GroupModules modules,
    IAuthorizationService authorization,
    IEventBus events,
    TimeProvider clock,
    IStringLocalizer<ModuleResources> T)
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;

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
        var slug = await GroupNames.FreeSlugAsync(db, GroupNames.Slugify(input.Slug ?? name), null, hideSecretAddress && input.Visibility == GroupVisibility.Secret, cancellationToken);
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
            group.Slug = await GroupNames.FreeSlugAsync(db, GroupNames.Slugify(slug), group.Id, hideAddress, cancellationToken);
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

    internal static string? UserId(ClaimsPrincipal user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindUserId() : null;

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

        if (input.Slug is { } slug && (slug.Length is 0 or > 80 || GroupNames.Slugify(slug) != slug))
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

}
