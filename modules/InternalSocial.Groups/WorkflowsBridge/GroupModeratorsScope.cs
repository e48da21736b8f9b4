using System.Globalization;
using System.Security.Claims;
using InternalSocial.Groups.Models;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Security;
using InternalSocial.Workflows.Abstractions.Assignees;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.WorkflowsBridge;

/// <summary>
/// Tasks assigned to "the group's moderators": its owners, admins and moderators see them in their queue and are told
/// about them. Nobody else does (a moderator of group A never sees group B's tasks).
/// </summary>
internal sealed class GroupModeratorsScope(GroupsDbContext db) : IAssigneeScope
{
    public const int MaxPeople = 500;

    public string Kind => AssigneeKinds.Group;

    public async Task<IReadOnlyCollection<string>> HeldByAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindUserId();
        if (userId is null)
        {
            return [];
        }

        var groupIds = await db.Members.AsNoTracking().Where(m => m.UserId == userId && m.Role >= GroupRole.Moderator)
            .Select(m => m.GroupId).ToListAsync(cancellationToken);
        return [.. groupIds.Select(id => id.ToString(CultureInfo.InvariantCulture))];
    }

    public async Task<IReadOnlyCollection<string>> PeopleAsync(string value, CancellationToken cancellationToken)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var groupId))
        {
            return [];
        }

        return await db.Members.AsNoTracking().Where(m => m.GroupId == groupId && m.Role >= GroupRole.Moderator)
            .OrderByDescending(m => m.Role).Select(m => m.UserId).Take(MaxPeople).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ids = values.Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        return await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id.ToString(CultureInfo.InvariantCulture), g => g.Name, cancellationToken);
    }
}
