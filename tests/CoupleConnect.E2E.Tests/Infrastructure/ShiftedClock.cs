namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// The app's clock in the E2E host: the real time plus an offset a test may move forward (e.g. to the next morning)
/// and must put back when it ends. Real time keeps running, so circuits, cookies and timers behave as in production.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void MoveTo(DateTimeOffset moment) => Interlocked.Exchange(ref _offsetTicks, (moment - System.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
