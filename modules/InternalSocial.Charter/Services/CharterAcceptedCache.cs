using System.Collections.Concurrent;

namespace InternalSocial.Charter.Services;

/// <summary>
/// Which gated audiences each person has accepted, shared by the requests of one shell, so that someone who accepted
/// costs the gate no query. An entry answers only for the very gates it was read against (the
/// <see cref="CharterGateCache"/> value, by reference): publishing a version, or the gates' minute running out, makes
/// every entry stale at once. Only acceptances are held, and acceptances are never taken back except by erasure, which
/// forgets the person; so an entry can be out of date only by missing an acceptance, never by letting in someone who
/// has not accepted. Who belongs to which audience is not held here: it is read for each request that needs it.
/// </summary>
internal sealed class CharterAcceptedCache
{
    // Beyond this many people the cache starts over rather than grow without bound; a miss costs one query.
    private const int MaxPeople = 200_000;

    private readonly ConcurrentDictionary<string, Entry> _people = new(StringComparer.Ordinal);

    /// <summary>The audiences the person accepted, read against these <paramref name="gates"/>; null when not known for them.</summary>
    public IReadOnlySet<string>? Find(string userId, IReadOnlyDictionary<string, AudienceGate> gates) =>
        _people.TryGetValue(userId, out var entry) && ReferenceEquals(entry.Gates, gates) ? entry.Accepted : null;

    /// <summary>Remembers what the database said the person accepted of these gates.</summary>
    public void Remember(string userId, IReadOnlyDictionary<string, AudienceGate> gates, IReadOnlySet<string> accepted)
    {
        if (_people.Count >= MaxPeople)
        {
            _people.Clear();
        }

        _people[userId] = new Entry(gates, accepted);
    }

    /// <summary>After the person accepted or was erased: the next request reads the database again.</summary>
    public void Forget(string userId) => _people.TryRemove(userId, out _);

    private sealed record Entry(IReadOnlyDictionary<string, AudienceGate> Gates, IReadOnlySet<string> Accepted);
}
