using System.Globalization;
using System.Security.Claims;
using InternalSocial.Groups.Services;
using InternalSocial.Notifications.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.NotificationsBridge;

/// <summary>
/// An invitation notification is visible to its recipient while the invitation waits for an answer or after they joined;
/// once declined or withdrawn it disappears from their list (a secret group's name then shows nowhere).
/// </summary>
internal sealed class InvitationNotificationVisibility(GroupsDbContext db) : INotificationVisibility
{
    public string ResourceType => GroupNotificationKinds.InvitationResource;

    public async Task<IReadOnlySet<string>> GetVisibleAsync(ClaimsPrincipal user, IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        var userId = GroupsService.UserId(user);
        if (userId is null)
        {
            return new HashSet<string>();
        }

        var ids = resourceIds.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0).Where(id => id > 0).Distinct().ToList();
        var invited = await db.Invitations.AsNoTracking().Where(i => i.UserId == userId && ids.Contains(i.GroupId)).Select(i => i.GroupId).ToListAsync(cancellationToken);
        var member = await db.Members.AsNoTracking().Where(m => m.UserId == userId && ids.Contains(m.GroupId)).Select(m => m.GroupId).ToListAsync(cancellationToken);
        return invited.Concat(member).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
    }
}
