namespace InternalSocial.Charter.Services;

/// <summary>
/// The gates of the tenant's audiences as last read, shared by the requests of one shell: the gate asks on every
/// request. Publishing clears it; an entry lives a minute so that the other web nodes of a tenant follow within a minute.
/// Holds versions only, never who accepted: that is read per request.
/// </summary>
internal sealed class CharterGateCache
{
    private static readonly long LifetimeMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private volatile Entry? _entry;

    /// <summary>Gated audiences by name (none when nothing material is published); null when stale or never read.</summary>
    public IReadOnlyDictionary<string, AudienceGate>? Value
    {
        get => _entry is { } entry && Environment.TickCount64 - entry.LoadedAt < LifetimeMilliseconds ? entry.Gates : null;
        set => _entry = value is null ? null : new Entry(value, Environment.TickCount64);
    }

    private sealed record Entry(IReadOnlyDictionary<string, AudienceGate> Gates, long LoadedAt);
}
