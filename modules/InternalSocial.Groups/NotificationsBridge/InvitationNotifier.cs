using System.Globalization;
using InternalSocial.Groups.Abstractions.Events;
using InternalSocial.Groups.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Groups.NotificationsBridge;

/// <summary>Tells the invited person, in their language, who invited them and to which group; the link opens their invitations.</summary>
internal sealed class InvitationNotifier(INotifier notifier, IPeopleLookup people, GroupsDbContext db, IStringLocalizer<ModuleResources> T) : IEventHandler<MemberInvited>
{
    public async Task HandleAsync(MemberInvited domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var groupName = await db.Groups.AsNoTracking().Where(g => g.Id == domainEvent.GroupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        if (groupName is null || domainEvent.UserId == domainEvent.ByUserId)
        {
            return;
        }

        var actorName = (await people.GetByIdsAsync([domainEvent.ByUserId], cancellationToken)).GetValueOrDefault(domainEvent.ByUserId)?.DisplayName ?? "";
        var groupKey = domainEvent.GroupId.ToString(CultureInfo.InvariantCulture);
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = GroupNotificationKinds.Invitation,
            RecipientIds = [domainEvent.UserId],
            ActorId = domainEvent.ByUserId,
            Url = "/groups/invitations",
            ResourceType = GroupNotificationKinds.InvitationResource,
            ResourceId = groupKey,
            DeduplicationKey = $"{GroupNotificationKinds.Invitation}:{groupKey}",
            Text = _ => new NotificationText(T["{0} invites you to the group {1}", actorName, groupName], ""),
        }, cancellationToken);
    }
}
