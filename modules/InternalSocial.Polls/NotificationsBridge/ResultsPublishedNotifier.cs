using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>
/// When a poll whose results wait for its closing is closed, tells those who answered that they can see them — each
/// only if they may still open the poll (<see cref="PollReaders"/>, checked for all at once). Who answered is read from the
/// participations, which say nothing of what.
/// </summary>
internal sealed class ResultsPublishedNotifier(
    PollsDbContext db,
    INotifier notifier,
    PollReaders readers,
    IStringLocalizer<ModuleResources> T) : IEventHandler<PollClosed>
{
    public async Task HandleAsync(PollClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        // Quizzes and surveys tell their own people (QuizNotifier, SurveyNotifier), with links to their own pages.
        if (domainEvent.ResultsVisibility != ResultsVisibilities.AfterClose
            || !await db.Polls.AnyAsync(p => p.Id == domainEvent.PollId && p.Kind == PollKinds.Poll, cancellationToken))
        {
            return;
        }

        var participants = await db.Participations.AsNoTracking().Where(p => p.PollId == domainEvent.PollId && p.UserId != domainEvent.ClosedBy).Select(p => p.UserId).ToListAsync(cancellationToken);
        var recipients = await readers.AmongAsync(domainEvent.PollId, participants, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = PollNotificationKinds.Results,
            RecipientIds = recipients,
            Url = $"/polls/{domainEvent.PollId}",
            ResourceType = PollNotificationKinds.ResourceType,
            ResourceId = domainEvent.PollId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DeduplicationKey = $"{PollNotificationKinds.Results}:{domainEvent.PollId}",
            Text = _ => new NotificationText(T["The results of \"{0}\" are published", domainEvent.Title], ""),
        }, cancellationToken);
    }
}
