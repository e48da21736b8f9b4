using System.Security.Claims;
using InternalSocial.Groups.Abstractions;
using InternalSocial.Groups.Models;
using InternalSocial.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Services;

/// <summary>
/// Scoped: caches the user's memberships and permissions for one request. Services that change memberships call
/// <see cref="Forget"/> so the rest of the request sees the change too.
/// </summary>
internal sealed class GroupAccess(GroupsDbContext db, IAuthorizationService authorization, GroupModules modules) : IGroupAccess
{
    private readonly Dictionary<string, UserFacts> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Group?> _groups = [];

    public void Forget()
    {
        _facts.Clear();
        _groups.Clear();
    }

    public async Task<IReadOnlyCollection<long>> GetReadableGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(user, cancellationToken);
        if (facts.IsTenantAdmin)
        {
            return await db.Groups.AsNoTracking().Select(g => g.Id).ToListAsync(cancellationToken);
        }

        if (!facts.CanView)
        {
            return [.. facts.Roles.Keys];
        }

        var publicIds = await db.Groups.AsNoTracking().Where(g => g.Visibility == GroupVisibility.Public).Select(g => g.Id).ToListAsync(cancellationToken);
        return publicIds.Concat(facts.Roles.Keys).ToHashSet();
    }

    public async Task<IReadOnlyCollection<long>> GetMemberGroupIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        [.. (await FactsAsync(user, cancellationToken)).Roles.Keys];

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken) =>
        (await StandingAsync(user, groupId, cancellationToken))?.CanRead == true;

    public async Task<GroupPostDecision> CanPostAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var standing = await StandingAsync(user, groupId, cancellationToken);
        if (standing?.Role is not { } role || standing.Group.IsArchived)
        {
            return GroupPostDecision.Forbidden;
        }

        if (standing.Group.PostingPolicy == PostingPolicy.AdminsOnly && role < GroupRole.Admin)
        {
            return GroupPostDecision.Forbidden;
        }

        // The group's own moderators would approve their own posts: theirs are published directly.
        return standing.Group.PostsNeedApproval && role < GroupRole.Moderator ? GroupPostDecision.NeedsApproval : GroupPostDecision.Allowed;
    }

    public async Task<bool> CanModerateAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        var standing = await StandingAsync(user, groupId, cancellationToken);
        return standing is not null && (standing.IsTenantAdmin || standing.Role >= GroupRole.Moderator);
    }

    public async Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> groupIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        if (groupIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var facts = await FactsAsync(user, cancellationToken);
        var ids = groupIds.Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id)).Select(g => new { g.Id, g.Name, g.Visibility }).ToListAsync(cancellationToken);
        return groups.Where(g => CanSee(facts, g.Id, g.Visibility)).ToDictionary(g => g.Id, g => g.Name);
    }

    public async Task<IReadOnlyCollection<string>> GetMemberIdsAsync(long groupId, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(m => m.GroupId == groupId).Select(m => m.UserId).ToListAsync(cancellationToken);

    public Task<bool> IsModuleEnabledAsync(long groupId, string moduleKey, CancellationToken cancellationToken) =>
        modules.IsEnabledAsync(groupId, moduleKey, cancellationToken);

    /// <summary>The user's standing towards the group, or null when the group does not exist.</summary>
    public async Task<GroupStanding?> StandingAsync(ClaimsPrincipal user, long groupId, CancellationToken cancellationToken)
    {
        if (!_groups.TryGetValue(groupId, out var group))
        {
            group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
            _groups[groupId] = group;
        }

        return group is null ? null : StandingOf(await FactsAsync(user, cancellationToken), group);
    }

    public async Task<GroupStanding> StandingAsync(ClaimsPrincipal user, Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return StandingOf(await FactsAsync(user, cancellationToken), group);
    }

    public async Task<bool> IsTenantAdminAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await FactsAsync(user, cancellationToken)).IsTenantAdmin;

    public async Task<bool> CanViewDirectoryAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await FactsAsync(user, cancellationToken)).CanView;

    public async Task<IReadOnlyDictionary<long, GroupRole>> RolesAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await FactsAsync(user, cancellationToken)).Roles;

    private static GroupStanding StandingOf(UserFacts facts, Group group)
    {
        GroupRole? role = facts.Roles.TryGetValue(group.Id, out var held) ? held : null;
        var canSee = CanSee(facts, group.Id, group.Visibility);
        var canRead = role is not null || facts.IsTenantAdmin || (facts.CanView && group.Visibility == GroupVisibility.Public);
        return new GroupStanding(group, role, canSee, canRead, facts.IsTenantAdmin || role >= GroupRole.Admin, facts.IsTenantAdmin);
    }

    private static bool CanSee(UserFacts facts, long groupId, GroupVisibility visibility) =>
        facts.Roles.ContainsKey(groupId) || facts.IsTenantAdmin || (facts.CanView && visibility != GroupVisibility.Secret);

    private async Task<UserFacts> FactsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.Identity?.IsAuthenticated == true ? user.FindUserId() : null;
        if (userId is null)
        {
            return UserFacts.Anonymous;
        }

        if (_facts.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        // One indexed query (Groups_Members by UserId) gives every group role of the person.
        var roles = await db.Members.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.GroupId, m.Role }).ToDictionaryAsync(m => m.GroupId, m => m.Role, cancellationToken);
        var facts = new UserFacts(
            userId,
            roles,
            await authorization.HasPermissionAsync(user, Permissions.ViewGroups),
            await authorization.HasPermissionAsync(user, Permissions.ManageGroups));
        _facts[userId] = facts;
        return facts;
    }

    private sealed record UserFacts(string? UserId, IReadOnlyDictionary<long, GroupRole> Roles, bool CanView, bool IsTenantAdmin)
    {
        public static UserFacts Anonymous { get; } = new(null, new Dictionary<long, GroupRole>(), false, false);
    }
}
