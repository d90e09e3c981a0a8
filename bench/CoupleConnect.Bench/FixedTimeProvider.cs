namespace CoupleConnect.Bench;

/// <summary>A clock stopped at one instant, like FakeTimeProvider without advancing: "now" is the due minute.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
