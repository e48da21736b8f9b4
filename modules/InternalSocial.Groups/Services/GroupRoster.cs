using InternalSocial.Groups.Models;
using InternalSocial.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.Services;

/// <summary>
/// The member rows of a group and the count kept on the group: every way into or out of a group (joining, invitations,
/// requests, rules, recipes) writes through here. No permission check: its callers have made theirs.
/// </summary>
internal sealed class GroupRoster(GroupsDbContext db, GroupAccess access, TimeProvider clock, IStringLocalizer<ModuleResources> T)
{
    /// <summary>Adds the people who are not members yet, withdraws their pending requests and invitations; returns who was added.</summary>
    internal Task<IReadOnlyList<string>> AddAsync(long groupId, IReadOnlyList<string> userIds, GroupRole role, CancellationToken cancellationToken) =>
        AddAsync(groupId, userIds, role, byRule: false, cancellationToken);

    /// <summary>As above; <paramref name="byRule"/> marks the new memberships as made by the group's rules.</summary>
    internal async Task<IReadOnlyList<string>> AddAsync(long groupId, IReadOnlyList<string> userIds, GroupRole role, bool byRule, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(500))
        {
            existing.UnionWith(await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && chunk.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var added = userIds.Where(id => !existing.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        db.Members.AddRange(added.Select(id => new GroupMember { GroupId = groupId, UserId = id, Role = role, JoinedUtc = now, ByRule = byRule }));
        foreach (var chunk in added.Chunk(500))
        {
            db.JoinRequests.RemoveRange(await db.JoinRequests.Where(r => r.GroupId == groupId && chunk.Contains(r.UserId)).ToListAsync(cancellationToken));
            // Someone added another way (an approved request, a rule) has nothing left to accept.
            db.Invitations.RemoveRange(await db.Invitations.Where(i => i.GroupId == groupId && chunk.Contains(i.UserId)).ToListAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecountAsync(groupId, cancellationToken);
        return added;
    }

    internal async Task RemoveAsync(long groupId, string userId, CancellationToken cancellationToken)
    {
        await db.Members.Where(m => m.GroupId == groupId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await RecountAsync(groupId, cancellationToken);
    }

    internal async Task EnsureNotLastOwnerAsync(long groupId, string userId, CancellationToken cancellationToken)
    {
        var owners = await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && m.Role == GroupRole.Owner).Select(m => m.UserId).Take(2).ToListAsync(cancellationToken);
        if (owners.Count == 1 && owners[0] == userId)
        {
            throw new ConflictException(T["The last owner cannot leave the group: make another member an owner first."]);
        }
    }

    internal void EnsureNotArchived(Group group)
    {
        if (group.IsArchived)
        {
            throw new ConflictException(T["This group is archived: restore it first."]);
        }
    }

    private async Task RecountAsync(long groupId, CancellationToken cancellationToken)
    {
        var count = await db.Members.CountAsync(m => m.GroupId == groupId, cancellationToken);
        await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, count), cancellationToken);
        access.Forget();
    }
}
