namespace InternalSocial.Charter.Services;

/// <summary>
/// One value the requests of a shell share (the gates, the settings), as last read. A change clears it, and a read
/// that began before the change is not stored: it may hold what the change replaced. An entry lives a minute, which
/// bounds what a change made elsewhere (another web node, a transaction not yet committed when it cleared) can miss.
/// </summary>
internal abstract class ShellValueCache<T>
    where T : class
{
    private static readonly long LifetimeMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private readonly Lock _gate = new();
    private volatile Entry? _entry;
    private long _changes;

    /// <summary>The value, or null when stale or never read.</summary>
    public T? Value => _entry is { } entry && Environment.TickCount64 - entry.LoadedAt < LifetimeMilliseconds ? entry.Value : null;

    /// <summary>Taken before reading the database; <see cref="Store"/> refuses the value if anything changed since.</summary>
    public long BeginRead() => Interlocked.Read(ref _changes);

    public void Store(T value, long readStartedAt)
    {
        lock (_gate)
        {
            if (_changes == readStartedAt)
            {
                _entry = new Entry(value, Environment.TickCount64);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _changes++;
            _entry = null;
        }
    }

    private sealed record Entry(T Value, long LoadedAt);
}
