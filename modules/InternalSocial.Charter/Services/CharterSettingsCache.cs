using InternalSocial.Charter.Models;

namespace InternalSocial.Charter.Services;

/// <summary>
/// The tenant's charter settings as last read, shared by the requests of one shell: the gate reads them on every
/// request. Saving clears it, so the next request reads what was saved; an entry lives a minute so that the other web
/// nodes of a tenant follow within a minute.
/// </summary>
internal sealed class CharterSettingsCache
{
    private static readonly long LifetimeMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private volatile Entry? _entry;

    /// <summary>Null when nothing was read yet, or when what was read is more than a minute old.</summary>
    public CharterSettings? Value
    {
        get => _entry is { } entry && Environment.TickCount64 - entry.LoadedAt < LifetimeMilliseconds ? entry.Settings : null;
        set => _entry = value is null ? null : new Entry(value, Environment.TickCount64);
    }

    private sealed record Entry(CharterSettings Settings, long LoadedAt);
}
