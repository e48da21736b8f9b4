using InternalSocial.Kernel;
using InternalSocial.Kernel.Security;
using InternalSocial.Polls.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InternalSocial.Polls.Hubs;

/// <summary>
/// Live counts of a poll's page. A connection joins a poll's group only after the page's own check
/// (<see cref="PollService.GetAsync"/>, as that person), and only while its results are shown to them; the group then
/// receives the counts after each vote, the same numbers the page shows, never who voted.
/// </summary>
[Authorize]
internal sealed class PollsHub(PollService polls) : Hub
{
    public const string Path = "/hubs/polls";

    public const string ResultsMessage = "results";

    public static string GroupName(long pollId) => $"poll:{pollId}";

    /// <summary>Joins the poll's group and answers its counts now; null (and no group) when its results are hidden from the caller.</summary>
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

        if (!poll.CanSeeResults || poll.ParticipantCount is not { } participants)
        {
            return null;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(pollId), Context.ConnectionAborted);
        return new PollCounts(pollId, participants, [.. poll.Options.Select(o => OptionCount.Of(o.Id, o.Votes ?? 0, participants))]);
    }
}
