using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Temperature;

namespace CoupleConnect.Domain.Tests.Temperature;

public class TemperatureWeeksTests
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");

    [Fact]
    public void TheTwelveWeekWindowAcrossTheSpringClockChangeIsTwelveMondaysAWeekApart()
    {
        // Berlin's clocks go forward on Sunday 28 March 2027; the window from mid-April reaches back over it.
        var now = new DateTimeOffset(2027, 4, 14, 10, 0, 0, TimeSpan.Zero);

        var weeks = TemperatureWeeks.LastWeeks(Berlin, now);

        Assert.Equal(12, weeks.Count);
        Assert.All(weeks, week => Assert.Equal(DayOfWeek.Monday, week.DayOfWeek));
        Assert.All(weeks.Zip(weeks.Skip(1)), pair => Assert.Equal(7, pair.Second.DayNumber - pair.First.DayNumber));
        Assert.Equal(new DateOnly(2027, 4, 12), weeks[^1]);
        Assert.Equal(new DateOnly(2027, 1, 25), weeks[0]);
    }

    [Fact]
    public void TheTwelveWeekWindowAcrossTheAutumnClockChangeIsTwelveMondaysAWeekApart()
    {
        // New York's clocks go back on Sunday 7 November 2027 (a 25-hour Sunday).
        var now = new DateTimeOffset(2027, 11, 22, 4, 30, 0, TimeSpan.Zero);

        var weeks = TemperatureWeeks.LastWeeks(NewYork, now);

        Assert.Equal(12, weeks.Distinct().Count());
        Assert.All(weeks.Zip(weeks.Skip(1)), pair => Assert.Equal(7, pair.Second.DayNumber - pair.First.DayNumber));
        // 04:30 UTC on Monday 22 November is still Sunday evening in New York: the week is the one that began on the 15th.
        Assert.Equal(new DateOnly(2027, 11, 15), weeks[^1]);
    }

    [Fact]
    public void LateOnTheSundayOfAClockChangeIsStillThatWeek()
    {
        // 23:30 on Sunday 28 March 2027 in Berlin (summer time, UTC+2) is 21:30 UTC.
        var lateSunday = new DateTimeOffset(2027, 3, 28, 21, 30, 0, TimeSpan.Zero);
        var mondayJustAfterMidnight = new DateTimeOffset(2027, 3, 28, 22, 5, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 3, 22), TemperatureWeeks.WeekAt(Berlin, lateSunday));
        Assert.Equal(new DateOnly(2027, 3, 29), TemperatureWeeks.WeekAt(Berlin, mondayJustAfterMidnight));
    }

    [Fact]
    public void TheWeekFollowsTheCouplesHomeZoneNotUtc()
    {
        // Monday 01:00 in Berlin is still Sunday in UTC.
        var mondayInBerlin = new DateTimeOffset(2027, 1, 10, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 1, 11), TemperatureWeeks.WeekAt(Berlin, mondayInBerlin));
        Assert.Equal(new DateOnly(2027, 1, 4), TemperatureWeeks.WeekAt(TimeZoneId.Utc, mondayInBerlin));
    }
}
