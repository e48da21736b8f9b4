namespace InternalSocial.IntegrationTests.Infrastructure;

/// <summary>
/// The test host's clock: real time plus an offset that tests move forward (scheduled posts, retries, timers) and put
/// back in a <c>finally</c>. Tests of the web collection run one after the other, so one clock serves them all.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
