using InternalSocial.Kernel.Events;
using InternalSocial.Users.Abstractions.Events;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Groups.Services;

/// <summary>An erased person's memberships and requests go: they are personal data, and nobody should see them listed.</summary>
internal sealed class PersonErasedHandler(GroupsDbContext db) : IEventHandler<PersonErased>
{
    public async Task HandleAsync(PersonErased domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var groupIds = await db.Members.Where(m => m.UserId == domainEvent.UserId).Select(m => m.GroupId).ToListAsync(cancellationToken);
        await db.Members.Where(m => m.UserId == domainEvent.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.JoinRequests.Where(r => r.UserId == domainEvent.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.UserId == domainEvent.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.InvitedBy == domainEvent.UserId).ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedBy, ""), cancellationToken);
        foreach (var groupId in groupIds)
        {
            var count = await db.Members.CountAsync(m => m.GroupId == groupId, cancellationToken);
            await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, count), cancellationToken);
        }
    }
}
