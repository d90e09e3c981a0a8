using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Domain.Tests.Rituals;

public class ARitualSchedule
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    private static RitualSchedule Create(
        RitualRepeat repeat,
        string startDate = "2026-11-23",
        string time = "19:00",
        double hours = 2,
        DayOfWeek[]? weekdays = null,
        int dayOfMonth = 0,
        int nth = 0,
        DayOfWeek nthWeekday = DayOfWeek.Sunday,
        string zone = "Europe/Berlin")
    {
        Assert.True(LocalTimeOfDay.TryParse(time, out var at, out _));
        Assert.True(
            RitualSchedule.TryCreate(repeat, DateOnly.Parse(startDate, CultureInfo.InvariantCulture), at!, TimeSpan.FromHours(hours), weekdays, dayOfMonth, nth, nthWeekday, TimeZoneId.Parse(zone), Now, out var schedule, out var problem),
            problem);
        return schedule!;
    }

    private static string? ProblemWith(RitualRepeat repeat, double hours = 2, DayOfWeek[]? weekdays = null, int dayOfMonth = 1, int nth = 1, string startDate = "2026-11-23", string time = "19:00")
    {
        Assert.True(LocalTimeOfDay.TryParse(time, out var at, out _));
        RitualSchedule.TryCreate(repeat, DateOnly.Parse(startDate, CultureInfo.InvariantCulture), at!, TimeSpan.FromHours(hours), weekdays, dayOfMonth, nth, DayOfWeek.Sunday, Berlin, Now, out var schedule, out var problem);
        Assert.True(schedule is null == problem is not null);
        return problem;
    }

    [Fact]
    public void WeeklyDateNightHappensOnItsWeekdaysAtTheLocalTime()
    {
        var dateNight = Create(RitualRepeat.Weekly, weekdays: [DayOfWeek.Friday]);

        var occurrences = dateNight.OccurrencesBetween(Berlin, Now, Now.AddDays(21)).ToList();

        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 11)], occurrences.Select(occurrence => occurrence.Day));
        Assert.All(occurrences, occurrence => Assert.Equal(new TimeOnly(19, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence.StartsUtc, Berlin.Zone).DateTime)));
        Assert.All(occurrences, occurrence => Assert.Equal(TimeSpan.FromHours(2), occurrence.EndsUtc - occurrence.StartsUtc));
    }

    [Theory]
    [InlineData(1, "2026-12-06", "2027-01-03", "2027-02-07")]
    [InlineData(2, "2026-12-13", "2027-01-10", "2027-02-14")]
    [InlineData(4, "2026-12-27", "2027-01-24", "2027-02-28")]
    public void MonthlyOnTheNthSundayFindsTheRightSundays(int nth, string first, string second, string third)
    {
        var reflection = Create(RitualRepeat.MonthlyOnNthWeekday, nth: nth, nthWeekday: DayOfWeek.Sunday);

        var days = reflection.OccurrencesBetween(Berlin, Now, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)).Select(occurrence => occurrence.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal([first, second, third], days);
    }

    [Fact]
    public void MonthlyOnTheLastSundayFindsTheLastSundayWhateverTheMonthsLength()
    {
        var reflection = Create(RitualRepeat.MonthlyOnNthWeekday, nth: -1, nthWeekday: DayOfWeek.Sunday);

        var days = reflection.OccurrencesBetween(Berlin, Now, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)).Select(occurrence => occurrence.Day);

        Assert.Equal([new DateOnly(2026, 11, 29), new DateOnly(2026, 12, 27), new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28)], days);
    }

    [Fact]
    public void MonthlyOnADayOfMonthHappensOncePerMonth()
    {
        var schedule = Create(RitualRepeat.MonthlyOnDay, dayOfMonth: 15);

        Assert.Equal([new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 15)], schedule.OccurrencesBetween(Berlin, Now, Now.AddDays(60)).Select(occurrence => occurrence.Day));
    }

    [Fact]
    public void OnceHappensExactlyOnce()
    {
        var schedule = Create(RitualRepeat.Once, startDate: "2026-12-24", time: "18:00");

        var occurrence = Assert.Single(schedule.OccurrencesBetween(Berlin, Now, Now.AddYears(1)));
        Assert.Equal(new DateOnly(2026, 12, 24), occurrence.Day);
        Assert.Null(schedule.NextAfter(Berlin, occurrence.StartsUtc));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00Z")]
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:00:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:30:00Z")]
    [InlineData("Pacific/Auckland", "2026-04-05", "02:30", "2026-04-04T13:30:00Z")]
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z")] // repeated: the first 01:30 (still BST)
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z")] // half-hour fall-back: the first 01:45
    [InlineData("Pacific/Auckland", "2026-09-27", "02:30", "2026-09-26T14:00:00Z")] // spring-forward: 03:00 NZDT
    [InlineData("Asia/Kolkata", "2026-03-29", "19:00", "2026-03-29T13:30:00Z")] // no DST: an ordinary day when Europe's clocks move
    public void ADailyRitualHappensOnceOnEachDstDayAtTheNextValidOrFirstMinute(string zoneId, string day, string time, string expectedUtc)
    {
        var zone = TimeZoneId.Parse(zoneId);
        var schedule = Create(RitualRepeat.Daily, startDate: "2026-01-01", time: time, zone: zoneId);
        var transition = DateOnly.Parse(day, CultureInfo.InvariantCulture);

        var onThatDay = schedule.OccurrencesBetween(zone, ReminderClock.StartOfLocalDay(zone, ReminderClock.DueOn(zone, LocalTimeOfDay.EveningDefault, transition)), ReminderClock.DueOn(zone, LocalTimeOfDay.EveningDefault, transition))
            .Where(occurrence => occurrence.Day == transition)
            .ToList();

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, CultureInfo.InvariantCulture), Assert.Single(onThatDay).StartsUtc);
    }

    [Fact]
    public void PartnersInDifferentZonesSeeTheSameInstant()
    {
        var dateNight = Create(RitualRepeat.Weekly, weekdays: [DayOfWeek.Saturday], time: "20:00");
        var next = dateNight.NextAfter(Berlin, Now)!;

        Assert.Equal(new TimeOnly(20, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next.StartsUtc, Berlin.Zone).DateTime));
        Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next.StartsUtc, TimeZoneId.Parse("America/New_York").Zone).DateTime));
    }

    [Fact]
    public void RefusesNoWeekdays() => Assert.Equal("Choose at least one day of the week.", ProblemWith(RitualRepeat.Weekly, weekdays: []));

    [Theory]
    [InlineData(0)]
    [InlineData(24.01)]
    [InlineData(-1)]
    public void RefusesADurationOfZeroOrOverADay(double hours) => Assert.Equal("A ritual lasts between 1 minute and 24 hours.", ProblemWith(RitualRepeat.Daily, hours: hours));

    [Theory]
    [InlineData(29)]
    [InlineData(31)]
    [InlineData(0)]
    public void RefusesADayOfMonthNotEveryMonthHas(int day) => Assert.StartsWith("Not every month has that day.", ProblemWith(RitualRepeat.MonthlyOnDay, dayOfMonth: day));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-2)]
    public void RefusesAnNthWeekdayOutsideFirstToFourthOrLast(int nth) =>
        Assert.Equal("Pick the first, second, third, fourth or last weekday of the month.", ProblemWith(RitualRepeat.MonthlyOnNthWeekday, nth: nth));

    [Fact]
    public void RefusesAOnceRitualInThePast() =>
        Assert.Equal("That time has already passed. Pick a time still to come.", ProblemWith(RitualRepeat.Once, startDate: "2026-11-25", time: "09:00"));

    [Fact]
    public void RefusesARepeatThatDoesNotExist() => Assert.Equal("Please choose how often the ritual happens.", ProblemWith((RitualRepeat)42));
}
