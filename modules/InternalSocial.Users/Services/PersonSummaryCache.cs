using System.Collections.Concurrent;
using InternalSocial.Users.Abstractions;

namespace InternalSocial.Users.Services;

/// <summary>
/// Person summaries by id (name, photo, guest and former-employee marks, department and site), per tenant, for
/// <see cref="Lifetime"/> at most: the feed shows some 60 people a page and resolves its reader's department on every
/// request. <c>UsersDbContext</c> removes a person at every saved change to their row or roles, and empties the cache
/// at every change to a role, so this process never serves a summary older than the last save it made; another
/// process's saves are seen within the lifetime (docs/decisions, feed caching).
/// </summary>
internal sealed class PersonSummaryCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _changes;

    /// <summary>Taken before reading the database; <see cref="Store"/> keeps nothing if a change was reported since.</summary>
    public long BeginRead() => Volatile.Read(ref _changes);

    public bool TryGet(string userId, out PersonSummary person)
    {
        person = default!;
        if (!_entries.TryGetValue(userId, out var entry))
        {
            return false;
        }

        if (entry.CachedUntil <= clock.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(userId, entry));
            return false;
        }

        person = entry.Person;
        return true;
    }

    public void Store(IEnumerable<PersonSummary> people, long readStartedAt)
    {
        ArgumentNullException.ThrowIfNull(people);
        lock (_gate)
        {
            if (_changes != readStartedAt)
            {
                return;
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            var until = clock.GetUtcNow() + Lifetime;
            foreach (var person in people)
            {
                _entries[person.Id] = new Entry(person, until);
            }
        }
    }

    public void InvalidateUsers(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        lock (_gate)
        {
            foreach (var userId in userIds)
            {
                _entries.TryRemove(userId, out _);
            }

            _changes++;
        }
    }

    public void InvalidateAll()
    {
        lock (_gate)
        {
            _entries.Clear();
            _changes++;
        }
    }

    private sealed record Entry(PersonSummary Person, DateTimeOffset CachedUntil);
}
