using System.Collections.Concurrent;
using System.Security.Claims;

namespace InternalSocial.Users.Authentication;

/// <summary>
/// Token → principal, per tenant (a singleton of the tenant's container), for <see cref="Lifetime"/> at most. Without it
/// every bearer request read the token, the user, their claims, their roles and each role's claims: six queries before
/// any work. An entry dies at once when its user changes (any saved change to the user's row, roles, claims or tokens:
/// revocation, deactivation, lockout, security stamp) or when any role or role claim changes; <c>UsersDbContext</c>
/// reports those saves here. The token's expiry, the lockout end and the guest's end are checked again on every hit,
/// since time alone changes them. See docs/decisions (feed caching).
/// </summary>
internal sealed class AccessTokenPrincipalCache(TimeProvider clock)
{
    /// <summary>How long an entry lives without any change; bounds what a change made outside this process can miss.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Beyond this many tokens the cache starts again empty: tokens are few, this is only a fence.</summary>
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _userVersions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _allVersion;
    private long _changes;

    /// <summary>Taken before reading the database for a miss; <see cref="Store"/> refuses the entry if anything changed since.</summary>
    public long BeginRead() => Volatile.Read(ref _changes);

    public bool TryGet(string tokenHash, out CachedPrincipal principal)
    {
        principal = default!;
        if (!_entries.TryGetValue(tokenHash, out var entry))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (entry.CachedUntil <= now
            || entry.AllVersion != Volatile.Read(ref _allVersion)
            || entry.UserVersion != _userVersions.GetValueOrDefault(entry.Principal.UserId))
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(tokenHash, entry));
            return false;
        }

        principal = entry.Principal;
        return true;
    }

    /// <summary>Keeps what a miss read, unless a change was reported while it was being read (it could be stale).</summary>
    public void Store(string tokenHash, CachedPrincipal principal, long readStartedAt)
    {
        ArgumentNullException.ThrowIfNull(principal);
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

            _entries[tokenHash] = new Entry(principal, clock.GetUtcNow() + Lifetime, _allVersion, _userVersions.GetValueOrDefault(principal.UserId));
        }
    }

    /// <summary>The user's entries are dead: their row, roles, claims or tokens changed.</summary>
    public void InvalidateUsers(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        lock (_gate)
        {
            foreach (var userId in userIds)
            {
                _userVersions.AddOrUpdate(userId, 1, (_, version) => version + 1);
            }

            _changes++;
        }
    }

    /// <summary>Every entry is dead: a role or a role's permissions changed.</summary>
    public void InvalidateAll()
    {
        lock (_gate)
        {
            _allVersion++;
            _changes++;
            _entries.Clear();
        }
    }

    private sealed record Entry(CachedPrincipal Principal, DateTimeOffset CachedUntil, long AllVersion, long UserVersion);
}

/// <summary>
/// What a token stands for, kept between requests. <see cref="Principal"/> is never handed out itself: each request gets a
/// copy, so no request can change what the next one sees.
/// </summary>
internal sealed record CachedPrincipal(
    string UserId,
    ClaimsPrincipal Principal,
    DateTime? TokenExpiresUtc,
    DateTimeOffset? LockoutEnd,
    bool IsActive,
    DateTime? ErasedUtc,
    DateTime? GuestExpiresUtc,
    bool EmailConfirmed);
