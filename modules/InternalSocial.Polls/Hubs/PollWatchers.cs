using System.Collections.Concurrent;
using System.Security.Claims;

namespace InternalSocial.Polls.Hubs;

/// <summary>
/// The connections watching each poll's counts on this node, with the person behind each: counts are sent to a
/// connection only after checking again that its person may still see them (<see cref="PollCountsBroadcaster"/>).
/// </summary>
internal sealed class PollWatchers
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, ClaimsPrincipal>> _byPoll = new();

    public void Add(long pollId, string connectionId, ClaimsPrincipal user) =>
        _byPoll.GetOrAdd(pollId, _ => new ConcurrentDictionary<string, ClaimsPrincipal>())[connectionId] = user;

    public void Remove(long pollId, string connectionId)
    {
        if (_byPoll.TryGetValue(pollId, out var watchers))
        {
            watchers.TryRemove(connectionId, out _);
        }
    }

    /// <summary>Forgets a closed connection, whatever it watched.</summary>
    public void Disconnected(string connectionId)
    {
        foreach (var watchers in _byPoll.Values)
        {
            watchers.TryRemove(connectionId, out _);
        }
    }

    public IReadOnlyList<KeyValuePair<string, ClaimsPrincipal>> Of(long pollId) =>
        _byPoll.TryGetValue(pollId, out var watchers) ? [.. watchers] : [];
}
