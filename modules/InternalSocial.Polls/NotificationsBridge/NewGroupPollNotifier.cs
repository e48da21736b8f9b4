using System.Globalization;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>
/// A new poll in a group tells the group's members who may open it, never its author. A poll in a post is told by the
/// feed's own notifications of the post; a standalone poll tells nobody (it would be everyone).
/// </summary>
internal sealed class NewGroupPollNotifier(PollAccess access, INotifier notifier, IStringLocalizer<ModuleResources> T) : IEventHandler<PollCreated>
{
    public async Task HandleAsync(PollCreated domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Container is not { Kind: ContainerKinds.Group } container || access.Bridge(container.Kind) is not { } groups)
        {
            return;
        }

        var recipients = (await groups.AudienceAsync(container, cancellationToken)).Where(id => id != domainEvent.AuthorId).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = PollNotificationKinds.NewInGroup,
            RecipientIds = recipients,
            Url = $"/polls/{domainEvent.PollId}",
            ResourceType = PollNotificationKinds.ResourceType,
            ResourceId = domainEvent.PollId.ToString(CultureInfo.InvariantCulture),
            DeduplicationKey = $"{PollNotificationKinds.NewInGroup}:{domainEvent.PollId}",
            Text = _ => new NotificationText(T["New poll in your group: {0}", domainEvent.Title], ""),
        }, cancellationToken);
    }
}
