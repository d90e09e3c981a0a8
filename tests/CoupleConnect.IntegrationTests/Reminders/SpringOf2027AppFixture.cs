using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// The app with its clock at Saturday 27 March 2027, 18:00 UTC. The week ahead holds Europe's spring forward (Sunday
/// 28 March, 01:00 UTC: 01:00–01:59 doesn't happen in London) and the southern autumn's fall back on Sunday 4 April
/// local time (3 April UTC): Auckland and Chatham by an hour, Lord Howe by half an hour (01:30–01:59 happens twice).
/// </summary>
public sealed class SpringOf2027AppFixture() : FixedClockAppFixture(StartsAt)
{
    public static readonly DateTimeOffset StartsAt = new(2027, 3, 27, 18, 0, 0, TimeSpan.Zero);
}
