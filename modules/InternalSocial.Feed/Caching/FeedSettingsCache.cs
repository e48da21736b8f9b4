using InternalSocial.Feed.Services;

namespace InternalSocial.Feed.Caching;

/// <summary>
/// The tenant's feed settings as last read, shared by the requests of one shell (the rate limiter reads it on every
/// write). An entry lives a minute, so that the other web nodes of a tenant see a saved change within a minute.
/// </summary>
internal sealed class FeedSettingsCache
{
    private static readonly long LifetimeMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private volatile Entry? _entry;

    /// <summary>Null when nothing was read yet, or when what was read is more than a minute old.</summary>
    public FeedSettings? Value
    {
        get => _entry is { } entry && Environment.TickCount64 - entry.LoadedAt < LifetimeMilliseconds ? entry.Settings : null;
        set => _entry = value is null ? null : new Entry(value, Environment.TickCount64);
    }

    private sealed record Entry(FeedSettings Settings, long LoadedAt);
}
