using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Domain.Tests.Positives;

/// <summary>
/// "Already thanked tonight" is the writer's own evening (docs/adr/0024). New York springs forward on 8 March 2026,
/// so that local day starts at 05:00 UTC and is 23 hours long; Berlin (the home zone here) is still on winter time.
/// </summary>
public class TonightsGratitude
{
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    // 21:00 in New York on 8 March (EDT, UTC-4): already 02:00 on 9 March in Berlin.
    private static readonly DateTimeOffset EveningReminderInNewYork = new(2026, 3, 9, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CountsThanksFromEarlierInTheWritersEveningThoughTheHomeZoneIsAlreadyOnItsNextDay()
    {
        var at17InNewYork = new DateTimeOffset(2026, 3, 8, 21, 0, 0, TimeSpan.Zero); // 22:00 on 8 March in Berlin
        var tonight = GratitudeTonight.Of(NewYork, EveningReminderInNewYork, EveningReminderInNewYork);

        Assert.True(tonight.Includes(at17InNewYork));
        Assert.NotEqual(Berlin.LocalDate(at17InNewYork), Berlin.LocalDate(EveningReminderInNewYork)); // the home-zone day would have said no
    }

    [Fact]
    public void StartsAtTheWritersLocalMidnightOnADaylightSavingDay()
    {
        var tonight = GratitudeTonight.Now(NewYork, EveningReminderInNewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), tonight.Since); // 00:00 EST
        Assert.True(tonight.Includes(tonight.Since));
        Assert.False(tonight.Includes(tonight.Since.AddMinutes(-1))); // 23:59 the night before
    }

    [Fact]
    public void EndsAtNowSoNothingWrittenLaterCountsForAnEarlierLook()
    {
        var tonight = GratitudeTonight.Of(NewYork, EveningReminderInNewYork, EveningReminderInNewYork.AddMinutes(5));

        Assert.True(tonight.Includes(EveningReminderInNewYork.AddMinutes(5)));
        Assert.False(tonight.Includes(EveningReminderInNewYork.AddMinutes(6)));
    }

    [Fact]
    public void IsTheWritersNightNotTheHomeZonesWhenTheHomeZoneDayHasNotTurnedYet()
    {
        // Thanks at 19:00 in New York on 8 March (01:00 on 9 March in Berlin); the next afternoon, 17:00 in New York
        // (22:00 on 9 March in Berlin), it is a new night for the writer although the Berlin day is the same.
        var written = new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero);
        var nextAfternoon = new DateTimeOffset(2026, 3, 9, 21, 0, 0, TimeSpan.Zero);

        Assert.Equal(Berlin.LocalDate(written), Berlin.LocalDate(nextAfternoon));
        Assert.False(GratitudeTonight.Now(NewYork, nextAfternoon).Includes(written));
    }
}
