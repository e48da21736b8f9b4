using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Surveys;

/// <summary>
/// What happens to surveys with time: the opening is announced, reminder rounds fall due, the closing time passes.
/// Each is claimed with a conditional update before it is raised, so with two nodes (or two runs) each goes out once.
/// </summary>
internal sealed class SurveyRoundsTask(PollsDbContext db, IEventBus events, TimeProvider clock) : IBackgroundTask
{
    public const int Batch = 100;

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await AnnounceOpeningsAsync(now, cancellationToken);
        await SendRemindersAsync(now, cancellationToken);
        await AnnounceClosingsAsync(now, cancellationToken);
    }

    private IQueryable<Survey> Open(DateTime now) =>
        db.Surveys.AsNoTracking().Where(s => (s.OpensUtc == null || s.OpensUtc <= now)
            && db.Polls.Any(p => p.Id == s.PollId && p.ClosedUtc == null && (p.ClosesUtc == null || p.ClosesUtc > now)));

    private async Task<Dictionary<long, Poll>> PollsAsync(List<Survey> surveys, CancellationToken cancellationToken)
    {
        var ids = surveys.Select(s => s.PollId).ToList();
        return await db.Polls.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    private async Task AnnounceOpeningsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await Open(now).Where(s => !s.OpeningAnnounced).OrderBy(s => s.PollId).Take(Batch).ToListAsync(cancellationToken);
        var polls = await PollsAsync(due, cancellationToken);
        foreach (var survey in due)
        {
            var claimed = await db.Surveys.Where(s => s.PollId == survey.PollId && !s.OpeningAnnounced)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpeningAnnounced, true), cancellationToken);
            if (claimed == 1)
            {
                var poll = polls[survey.PollId];
                await events.PublishAsync(new SurveyOpened(poll.Id, poll.Title, poll.AuthorId), cancellationToken);
            }
        }
    }

    private async Task SendRemindersAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await Open(now).Where(s => s.NextReminderUtc <= now).OrderBy(s => s.PollId).Take(Batch).ToListAsync(cancellationToken);
        var polls = await PollsAsync(due, cancellationToken);
        foreach (var survey in due)
        {
            var round = survey.ReminderRound;
            DateTime? next = survey.ReminderMode == ReminderModes.Every && survey.ReminderDays is { } days ? survey.NextReminderUtc!.Value.AddDays(days) : null;
            while (next <= now)
            {
                // A node that was down does not send the missed rounds one after the other: the next is in the future.
                next = next.Value.AddDays(survey.ReminderDays!.Value);
            }

            var claimed = await db.Surveys.Where(s => s.PollId == survey.PollId && s.ReminderRound == round)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderRound, round + 1).SetProperty(x => x.NextReminderUtc, next), cancellationToken);
            if (claimed == 1)
            {
                await events.PublishAsync(new SurveyReminderDue(survey.PollId, polls[survey.PollId].Title, round + 1), cancellationToken);
            }
        }
    }

    /// <summary>A survey closed by its closing time raises polls.closed as one closed by hand (which claims it at once).</summary>
    private async Task AnnounceClosingsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var closed = await (from p in db.Polls.AsNoTracking()
                            join s in db.Surveys.AsNoTracking() on p.Id equals s.PollId
                            where !s.ClosingAnnounced && (p.ClosedUtc != null || p.ClosesUtc <= now)
                            orderby p.Id
                            select p).Take(Batch).ToListAsync(cancellationToken);
        foreach (var poll in closed)
        {
            var claimed = await db.Surveys.Where(s => s.PollId == poll.Id && !s.ClosingAnnounced)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosingAnnounced, true), cancellationToken);
            if (claimed == 1)
            {
                await events.PublishAsync(new PollClosed(poll.Id, poll.Title, poll.ResultsVisibility, poll.ParticipantCount, poll.AuthorId), cancellationToken);
            }
        }
    }
}
