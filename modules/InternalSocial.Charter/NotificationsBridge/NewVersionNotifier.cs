using System.Globalization;
using InternalSocial.Charter.Events;
using InternalSocial.Charter.Models;
using InternalSocial.Charter.Services;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Charter.NotificationsBridge;

/// <summary>
/// Tells the people of an audience that a version awaits their acceptance: everyone of it when a material version is
/// published, those still pending when a manager reminds them. The editorial charter and editorial fixes tell no one.
/// </summary>
internal sealed class NewVersionNotifier(CharterVersions versions, PendingPeople pending, INotifier notifier, IStringLocalizer<ModuleResources> T)
    : IEventHandler<CharterVersionPublished>, IEventHandler<CharterRemindersRequested>
{
    public async Task HandleAsync(CharterVersionPublished domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!domainEvent.Material || domainEvent.Audience == CharterAudiences.Editorial)
        {
            return;
        }

        var open = await versions.FromAsync(domainEvent.Audience, domainEvent.Number, cancellationToken);
        var ids = await pending.AllIdsAsync(domainEvent.Audience, open, cancellationToken);
        await NotifyAsync(domainEvent.Audience, domainEvent.Number, ids, domainEvent.PublishedBy, cancellationToken);
    }

    public Task HandleAsync(CharterRemindersRequested domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return NotifyAsync(domainEvent.Audience, domainEvent.Number, domainEvent.UserIds, domainEvent.ByUserId, cancellationToken);
    }

    private async Task NotifyAsync(string audience, int number, IReadOnlyList<string> recipients, string actorId, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        // One notification per version and person: a reminder shows the same one unread again.
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = CharterNotificationKinds.NewVersion,
            RecipientIds = recipients,
            Url = "/charter",
            ActorId = actorId,
            DeduplicationKey = $"{CharterNotificationKinds.NewVersion}:{audience}:{number.ToString(CultureInfo.InvariantCulture)}",
            UpdateExisting = true,
            Text = _ => new NotificationText(T["Version {0} of the charter awaits your acceptance.", number], ""),
        }, cancellationToken);
    }
}
