using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Events;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Events;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace InternalSocial.Polls.Hubs;

/// <summary>
/// After a vote, sends the poll's counts to the connections watching it (<see cref="PollsHub.Join"/>), each only after
/// checking again, as its person, that they may still see them: someone removed from the poll's group, or from whom
/// the results are now hidden, stops receiving them and is dropped from the watchers.
/// </summary>
internal sealed class PollCountsBroadcaster(PollWatchers watchers, IServiceScopeFactory scopes, IHubContext<PollsHub> hub) : IEventHandler<PollVotesChanged>
{
    public async Task HandleAsync(PollVotesChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var pollId = domainEvent.PollId;
        foreach (var (connectionId, user) in watchers.Of(pollId))
        {
            // A scope per person: what a check reads for one reader (whether they are a guest) is not another's.
            await using var scope = scopes.CreateAsyncScope();
            var counts = await CountsAsync(scope.ServiceProvider.GetRequiredService<PollService>(), user, pollId, cancellationToken);
            if (counts is null)
            {
                watchers.Remove(pollId, connectionId);
                continue;
            }

            await hub.Clients.Client(connectionId).SendAsync(PollsHub.ResultsMessage, counts, cancellationToken);
        }
    }

    /// <summary>The counts as the page shows them to <paramref name="user"/>; null when they may no longer see them.</summary>
    private static async Task<PollCounts?> CountsAsync(PollService polls, ClaimsPrincipal user, long pollId, CancellationToken cancellationToken)
    {
        try
        {
            return Counts(await polls.GetAsync(user, pollId, cancellationToken));
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return null;
        }
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
