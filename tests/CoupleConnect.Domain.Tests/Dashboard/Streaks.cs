using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Dashboard;

namespace CoupleConnect.Domain.Tests.Dashboard;

public class TheEngagementStreak
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    /// <summary>Noon on a local day in <paramref name="zone"/>, as an instant.</summary>
    private static DateTimeOffset Noon(TimeZoneId zone, DateOnly day, int hour = 12, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, zone.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static IEnumerable<DateTimeOffset> Days(TimeZoneId zone, DateOnly last, int count) =>
        Enumerable.Range(0, count).Select(back => Noon(zone, last.AddDays(-back)));

    [Fact]
    public void CountsConsecutiveDaysOnWhichBothDidSomething()
    {
        var today = new DateOnly(2026, 11, 25);

        var streak = EngagementStreak.Compute(Berlin, Days(Berlin, today, 5), Days(Berlin, today, 3), Noon(Berlin, today, 20));

        Assert.Equal(3, streak.Days);
        Assert.True(streak.BothToday);
        Assert.Equal(today.AddDays(-3), streak.LastQuietDay);
    }

    [Fact]
    public void StaysAliveWhileTodayIsInProgress()
    {
        var today = new DateOnly(2026, 11, 25);
        var yesterday = today.AddDays(-1);

        var streak = EngagementStreak.Compute(Berlin, Days(Berlin, yesterday, 4).Append(Noon(Berlin, today)), Days(Berlin, yesterday, 4), Noon(Berlin, today, 13));

        Assert.Equal(4, streak.Days);
        Assert.True(streak.YouToday);
        Assert.False(streak.PartnerToday);
    }

    [Fact]
    public void IsZeroWithNoQuietDayForACoupleWhoHaveNotStarted()
    {
        var streak = EngagementStreak.Compute(Berlin, [], [], Noon(Berlin, new DateOnly(2026, 11, 25)));

        Assert.Equal(new StreakStatus(0, false, false, null), streak);
    }

    [Fact]
    public void OneMissedDayBreaksIt()
    {
        var today = new DateOnly(2026, 11, 25);
        var both = Days(Berlin, today, 10).Where(instant => Berlin.LocalDate(instant) != today.AddDays(-2)).ToList();

        var streak = EngagementStreak.Compute(Berlin, both, Days(Berlin, today, 10), Noon(Berlin, today, 21));

        Assert.Equal(2, streak.Days);
        Assert.Equal(today.AddDays(-2), streak.LastQuietDay);
    }

    [Fact]
    public void UsesTheCouplesHomeZoneForPartnersElsewhere()
    {
        // Alex is in Auckland: 09:00 there on the 25th is still the 24th in Berlin, the couple's home zone.
        var auckland = TimeZoneId.Parse("Pacific/Auckland");
        var today = new DateOnly(2026, 11, 25);
        var alexMorning = Noon(auckland, today, 9);
        Assert.Equal(today.AddDays(-1), Berlin.LocalDate(alexMorning));

        var streak = EngagementStreak.Compute(Berlin, [Noon(Berlin, today.AddDays(-1))], [alexMorning], Noon(Berlin, today, 8));

        Assert.Equal(1, streak.Days);
        Assert.False(streak.BothToday);
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 8)]
    [InlineData("America/New_York", 2026, 11, 1)]
    [InlineData("Europe/London", 2026, 3, 29)]
    [InlineData("Europe/London", 2026, 10, 25)]
    [InlineData("Australia/Lord_Howe", 2026, 4, 5)]
    [InlineData("Australia/Lord_Howe", 2026, 10, 4)]
    [InlineData("Pacific/Auckland", 2026, 4, 5)]
    [InlineData("Pacific/Auckland", 2026, 9, 27)]
    public void CountsA23Or25HourDayAsOneDay(string zoneId, int year, int month, int day)
    {
        // Activity just after midnight and just before the next midnight on the transition day: one day, not two or none.
        var zone = TimeZoneId.Parse(zoneId);
        var transition = new DateOnly(year, month, day);
        var earlyAndLate = new[] { Noon(zone, transition, 0, 30), Noon(zone, transition, 23, 30) };
        var around = Days(zone, transition.AddDays(3), 3).Concat(Days(zone, transition.AddDays(-1), 3)).Concat(earlyAndLate).ToList();

        var streak = EngagementStreak.Compute(zone, around, around, Noon(zone, transition.AddDays(3), 22));

        Assert.Equal(7, streak.Days);
        Assert.All(earlyAndLate, instant => Assert.Equal(transition, zone.LocalDate(instant)));
    }
}

public class CoupleWeeksInTheHomeZone
{
    [Theory]
    [InlineData(2026, 11, 23, 2026, 11, 23)]
    [InlineData(2026, 11, 25, 2026, 11, 23)]
    [InlineData(2026, 11, 29, 2026, 11, 23)]
    [InlineData(2026, 11, 30, 2026, 11, 30)]
    [InlineData(2027, 1, 1, 2026, 12, 28)]
    public void StartOnMonday(int year, int month, int day, int startYear, int startMonth, int startDay) =>
        Assert.Equal(new DateOnly(startYear, startMonth, startDay), CoupleWeeks.StartOf(new DateOnly(year, month, day)));

    [Fact]
    public void CountTwelveWeeksPerPartnerOldestFirstWithEmptyWeeksAsZero()
    {
        var today = new DateOnly(2026, 11, 25);
        var positives = new List<(DateOnly, bool)>
        {
            (today, true), (today.AddDays(-2), false), (new DateOnly(2026, 11, 22), true), // Sunday: last week
            (CoupleWeeks.StartOf(today).AddDays(-7 * 11), false), // the oldest week shown
            (CoupleWeeks.StartOf(today).AddDays(-7 * 12), true), // too old to show
            (today.AddDays(1), true), // tomorrow can't count
        };

        var weeks = CoupleWeeks.Count(positives, today, 12);

        Assert.Equal(12, weeks.Count);
        Assert.Equal(new WeekCount(new DateOnly(2026, 11, 23), 1, 1), weeks[^1]);
        Assert.Equal(new WeekCount(new DateOnly(2026, 11, 16), 1, 0), weeks[^2]);
        Assert.Equal(new WeekCount(CoupleWeeks.StartOf(today).AddDays(-77), 0, 1), weeks[0]);
        Assert.Equal(4, weeks.Sum(week => week.Yours + week.Partners));
    }
}
