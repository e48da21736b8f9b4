using InternalSocial.Kernel.Events;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Services;

namespace InternalSocial.Polls.Hubs;

/// <summary>After a vote, has the poll's counts sent to those watching it (<see cref="PollCountsSender"/>).</summary>
internal sealed class PollCountsBroadcaster(PollCountsSender sender) : IEventHandler<PollVotesChanged>
{
    public Task HandleAsync(PollVotesChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        sender.Schedule(domainEvent.PollId);
        return Task.CompletedTask;
    }

    /// <summary>The counts of the poll as its reader sees it; null when its results are hidden from them.</summary>
    public static PollCounts? Counts(PollView poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return poll.CanSeeResults && poll.ParticipantCount is { } participants
            ? new PollCounts(poll.Id, participants, [.. poll.Options.Select(o => OptionCount.Of(o.Id, o.Votes ?? 0, participants))])
            : null;
    }
}
