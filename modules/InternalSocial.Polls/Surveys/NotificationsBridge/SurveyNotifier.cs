using System.Globalization;
using InternalSocial.Kernel.Events;
using InternalSocial.Notifications.Abstractions;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InternalSocial.Polls.Surveys.NotificationsBridge;

/// <summary>
/// Tells a survey's audience: it is open; a reminder, only to those who have not answered (the participations say who
/// answered, never what); its results are published (afterClose), to those who answered. Each round has its own
/// deduplication key, so a round sent twice reaches nobody twice.
/// </summary>
internal sealed class SurveyNotifier(PollsDbContext db, SurveyAudiences audiences, INotifier notifier, IStringLocalizer<ModuleResources> T)
    : IEventHandler<SurveyOpened>, IEventHandler<SurveyReminderDue>, IEventHandler<PollClosed>
{
    public async Task HandleAsync(SurveyOpened domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var audience = await AudienceAsync(domainEvent.SurveyId, cancellationToken);
        await NotifyAsync(SurveyNotificationKinds.New, domainEvent.SurveyId, $"{SurveyNotificationKinds.New}:{domainEvent.SurveyId}",
            [.. audience.Where(id => id != domainEvent.AuthorId)], () => T["New survey: \"{0}\"", domainEvent.Title], cancellationToken);
    }

    public async Task HandleAsync(SurveyReminderDue domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var audience = await AudienceAsync(domainEvent.SurveyId, cancellationToken);
        var answered = (await db.Participations.AsNoTracking().Where(p => p.PollId == domainEvent.SurveyId).Select(p => p.UserId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var key = string.Create(CultureInfo.InvariantCulture, $"{SurveyNotificationKinds.Reminder}:{domainEvent.SurveyId}:{domainEvent.Round}");
        await NotifyAsync(SurveyNotificationKinds.Reminder, domainEvent.SurveyId, key, [.. audience.Where(id => !answered.Contains(id))],
            () => T["Reminder: the survey \"{0}\" is waiting for your answers", domainEvent.Title], cancellationToken);
    }

    public async Task HandleAsync(PollClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.ResultsVisibility != ResultsVisibilities.AfterClose
            || !await db.Polls.AnyAsync(p => p.Id == domainEvent.PollId && p.Kind == PollKinds.Survey, cancellationToken))
        {
            return;
        }

        var answered = await db.Participations.AsNoTracking().Where(p => p.PollId == domainEvent.PollId && p.UserId != domainEvent.ClosedBy)
            .Select(p => p.UserId).ToListAsync(cancellationToken);
        await NotifyAsync(SurveyNotificationKinds.Results, domainEvent.PollId, $"{SurveyNotificationKinds.Results}:{domainEvent.PollId}",
            answered, () => T["The results of the survey \"{0}\" are published", domainEvent.Title], cancellationToken);
    }

    private async Task<IReadOnlyCollection<string>> AudienceAsync(long surveyId, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.PollId == surveyId, cancellationToken);
        if (survey is null)
        {
            return [];
        }

        var rows = await db.SurveyAudiences.AsNoTracking().Where(a => a.PollId == surveyId).ToListAsync(cancellationToken);
        return await audiences.MembersAsync(survey, rows, cancellationToken);
    }

    private async Task NotifyAsync(string kind, long surveyId, string key, IReadOnlyCollection<string> recipients, Func<LocalizedString> text, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        var id = surveyId.ToString(CultureInfo.InvariantCulture);
        await notifier.NotifyAsync(new NotificationRequest
        {
            Kind = kind,
            RecipientIds = recipients,
            Url = $"/surveys/{id}",
            ResourceType = SurveyNotificationKinds.ResourceType,
            ResourceId = id,
            DeduplicationKey = key,
            Text = _ => new NotificationText(text(), ""),
        }, cancellationToken);
    }
}
