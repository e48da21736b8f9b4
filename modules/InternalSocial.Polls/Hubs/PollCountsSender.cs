using System.Collections.Concurrent;
using System.Security.Claims;
using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalSocial.Polls.Hubs;

/// <summary>
/// Sends a poll's counts to the connections watching it (<see cref="PollsHub.Join"/>), at most once per
/// <see cref="Interval"/> per poll: a poll everyone answers at once changes hundreds of times a second, and each send
/// checks every watcher again, so sending per vote would cost votes × watchers reads. Each watcher is checked as its
/// person before each send: someone removed from the poll's group, or from whom the results are now hidden, stops
/// receiving them and is dropped from the watchers.
/// </summary>
internal sealed class PollCountsSender(PollWatchers watchers, IServiceScopeFactory scopes, IHubContext<PollsHub> hub, ILogger<PollCountsSender> logger)
{
    /// <summary>Short enough to read as live, long enough to gather a burst of votes into one send.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<long, byte> _scheduled = new();

    /// <summary>Sends the poll's counts within <see cref="Interval"/>, once for every change made until then.</summary>
    public void Schedule(long pollId)
    {
        if (watchers.Of(pollId).Count > 0 && _scheduled.TryAdd(pollId, 0))
        {
            _ = SendLaterAsync(pollId);
        }
    }

    private async Task SendLaterAsync(long pollId)
    {
        // Wall-clock time on purpose: a debounce is not business time, and a test's frozen clock must not hold it.
        await Task.Delay(Interval);
        _scheduled.TryRemove(pollId, out _);
        try
        {
            await SendAsync(pollId, CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // The tenant's shell was rebuilt or released in the meantime: its connections are gone too.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Sending the live counts of poll {PollId} failed.", pollId);
        }
    }

    private async Task SendAsync(long pollId, CancellationToken cancellationToken)
    {
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
            return PollCountsBroadcaster.Counts(await polls.GetAsync(user, pollId, cancellationToken));
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            return null;
        }
    }
}
