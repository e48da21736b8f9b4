using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Models;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InternalSocial.Polls.Hubs;

/// <summary>
/// After a vote, sends the poll's counts to its group: only connections whose person may see the results joined it
/// (<see cref="PollsHub.Join"/>). One aggregated read (the tallies), whoever is watching.
/// </summary>
internal sealed class PollCountsBroadcaster(PollsDbContext db, PollResultsReader results, IHubContext<PollsHub> hub) : IEventHandler<PollVotesChanged>
{
    public async Task HandleAsync(PollVotesChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var poll = await db.Polls.AsNoTracking().Where(p => p.Id == domainEvent.PollId)
            .Select(p => new { p.ParticipantCount, Question = db.Questions.Where(q => q.PollId == p.Id).OrderBy(q => q.Position).Select(q => (long?)q.Id).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (poll?.Question is not { } questionId)
        {
            return;
        }

        var counts = await results.CountsAsync(questionId, cancellationToken);
        var options = await db.Options.AsNoTracking().Where(o => o.QuestionId == questionId).OrderBy(o => o.Position).Select(o => o.Id).ToListAsync(cancellationToken);
        var message = new PollCounts(domainEvent.PollId, poll.ParticipantCount, [.. options.Select(id => OptionCount.Of(id, counts.GetValueOrDefault(id), poll.ParticipantCount))]);
        await hub.Clients.Group(PollsHub.GroupName(domainEvent.PollId)).SendAsync(PollsHub.ResultsMessage, message, cancellationToken);
    }
}
