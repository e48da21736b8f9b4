using InternalSocial.Kernel.BackgroundTasks;
using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Services;

/// <summary>
/// Closes the polls (of every kind: polls, quizzes, surveys) whose deadline has passed and raises <see cref="PollClosed"/>
/// once for each, as a close by hand does: "results published" and the <c>polls.closed</c> workflow event follow.
/// Closing by deadline sets <c>ClosedUtc</c> to the deadline, so the poll reads as it did the instant it passed.
/// </summary>
internal sealed class PollDeadlineTask(PollsDbContext db, IEventBus events, TimeProvider clock) : IBackgroundTask
{
    /// <summary>At most this many per run: a backlog (after a stop) is worked through run after run.</summary>
    public const int Batch = 200;

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Surveys announce their own close (SurveyRoundsTask claims Polls_Surveys.ClosingAnnounced): both would announce it twice.
        var due = await db.Polls.AsNoTracking()
            .Where(p => p.Kind != PollKinds.Survey && p.ClosedUtc == null && p.ClosesUtc != null && p.ClosesUtc <= now)
            .OrderBy(p => p.ClosesUtc).Take(Batch)
            .Select(p => new { p.Id, p.Title, p.ResultsVisibility, p.ClosesUtc })
            .ToListAsync(cancellationToken);
        foreach (var poll in due)
        {
            // The claim: every node of a farm runs this task, and a close by hand or a reopen may come in between;
            // only the update that finds the poll still open past its deadline announces it.
            var claimed = await db.Polls
                .Where(p => p.Id == poll.Id && p.ClosedUtc == null && p.ClosesUtc != null && p.ClosesUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedUtc, poll.ClosesUtc), cancellationToken);
            if (claimed == 1)
            {
                // Read after the claim: no vote is taken past the deadline, so this is the final count.
                var participants = await db.Polls.Where(p => p.Id == poll.Id).Select(p => p.ParticipantCount).FirstAsync(cancellationToken);
                await events.PublishAsync(new PollClosed(poll.Id, poll.Title, poll.ResultsVisibility, participants, ClosedBy: ""), cancellationToken);
            }
        }
    }
}
