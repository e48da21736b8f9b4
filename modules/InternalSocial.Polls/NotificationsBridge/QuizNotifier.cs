using System.Globalization;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Quizzes;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.NotificationsBridge;

/// <summary>
/// A new quiz in a group tells the group's members, never its author (a quiz in a post is told by the post; a standalone
/// one tells nobody, as for polls). A closed quiz tells those who made an attempt, and may still open it, that its
/// results are final: the close is raised once (by hand or by the deadline), and the deduplication key holds it once.
/// </summary>
internal sealed class QuizNotifier(PollsDbContext db, PollAccess access, PollReaders readers, INotifier notifier, IStringLocalizer<ModuleResources> T)
    : IEventHandler<QuizCreated>, IEventHandler<PollClosed>
{
    public async Task HandleAsync(QuizCreated domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Container is not { Kind: ContainerKinds.Group } container || access.Bridge(container.Kind) is not { } groups)
        {
            return;
        }

        var recipients = (await groups.AudienceAsync(container, cancellationToken)).Where(id => id != domainEvent.AuthorId).ToList();
        await NotifyAsync(QuizNotificationKinds.NewInGroup, domainEvent.QuizId, recipients, () => T["New quiz in your group: {0}", domainEvent.Title], cancellationToken);
    }

    public async Task HandleAsync(PollClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!await db.Polls.AnyAsync(p => p.Id == domainEvent.PollId && p.Kind == PollKinds.Quiz, cancellationToken))
        {
            return;
        }

        var takers = await db.QuizAttempts.AsNoTracking().Where(a => a.PollId == domainEvent.PollId && a.UserId != domainEvent.ClosedBy)
            .Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);
        var recipients = await readers.AmongAsync(domainEvent.PollId, takers, cancellationToken);
        await NotifyAsync(QuizNotificationKinds.Results, domainEvent.PollId, recipients, () => T["The quiz \"{0}\" is closed: your results are final", domainEvent.Title], cancellationToken);
    }

    private async Task NotifyAsync(string kind, long quizId, IReadOnlyCollection<string> recipients, Func<LocalizedString> text, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        var id = quizId.ToString(CultureInfo.InvariantCulture);
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = kind,
            RecipientIds = recipients,
            Url = $"/quizzes/{id}",
            ResourceType = QuizNotificationKinds.ResourceType,
            ResourceId = id,
            DeduplicationKey = $"{kind}:{id}",
            Text = _ => new NotificationText(text(), ""),
        }, cancellationToken);
    }
}
