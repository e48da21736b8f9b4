using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternalSocial.Polls.Hubs;

/// <summary>
/// Live counts of a poll's page. A connection watches a poll only after the page's own check
/// (<see cref="PollService.GetAsync"/>, as that person), and only while its results are shown to them; it then
/// receives the counts after each vote, the same numbers the page shows, never who voted, each time checked again.
/// </summary>
[Authorize]
internal sealed class PollsHub(PollService polls, PollWatchers watchers) : Hub
{
    public const string Path = "/hubs/polls";

    public const string ResultsMessage = "results";

    /// <summary>Joins the poll's watchers and answers its counts now; null (and not watching) when its results are hidden from the caller.</summary>
    public async Task<PollCounts?> Join(long pollId)
    {
        PollView poll;
        try
        {
            poll = await polls.GetAsync(Context.User!, pollId, Context.ConnectionAborted);
        }
        catch (Exception exception) when (exception is NotFoundException or PermissionDeniedException)
        {
            // The same answer for a poll that does not exist and one the caller may not read.
            throw new HubException("No such poll.");
        }

        var counts = PollCountsBroadcaster.Counts(poll);
        if (counts is not null)
        {
            watchers.Add(pollId, Context.ConnectionId, Context.User!);
        }

        return counts;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
