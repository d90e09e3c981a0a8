using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Domain.Tests.Rituals;

public class RitualProgressOf
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    // Friday 27 November 2026, 22:00 in Berlin: tonight's date night (19:30) has started.
    private static readonly DateTimeOffset FridayNight = new(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);

    private static RitualSchedule WeeklyOnFridays(string from = "2026-10-01")
    {
        Assert.True(RitualSchedule.TryCreate(RitualRepeat.Weekly, DateOnly.Parse(from, CultureInfo.InvariantCulture), LocalTimeOfDay.From(new TimeOnly(19, 30)), TimeSpan.FromHours(2), [DayOfWeek.Friday], 0, 0, DayOfWeek.Sunday, Berlin, DateTimeOffset.MinValue, out var schedule, out var problem), problem);
        return schedule!;
    }

    private static Dictionary<DateOnly, RitualOutcomeStatus> Marks(params (string Day, RitualOutcomeStatus Status)[] marks) =>
        marks.ToDictionary(mark => DateOnly.Parse(mark.Day, CultureInfo.InvariantCulture), mark => mark.Status);

    [Fact]
    public void CountsDoneOccurrencesAndTheStreakBackFromTheLatest()
    {
        var progress = RitualProgress.Of(
            WeeklyOnFridays(),
            Berlin,
            Marks(("2026-11-27", RitualOutcomeStatus.Done), ("2026-11-20", RitualOutcomeStatus.Done), ("2026-11-13", RitualOutcomeStatus.Skipped), ("2026-11-06", RitualOutcomeStatus.Done)),
            FridayNight);

        // Fridays from 2 Oct to 27 Nov: 9 occurrences, 3 done; the streak stops at the skipped 13 November.
        Assert.Equal(new RitualProgress(3, 9, 2), progress);
        Assert.Equal(33, progress.Percent);
    }

    [Fact]
    public void TonightsUnmarkedOccurrenceNeitherCountsNorBreaksTheStreak()
    {
        var progress = RitualProgress.Of(WeeklyOnFridays(), Berlin, Marks(("2026-11-20", RitualOutcomeStatus.Done), ("2026-11-13", RitualOutcomeStatus.Done)), FridayNight);

        Assert.Equal(new RitualProgress(2, 8, 2), progress);
    }

    [Fact]
    public void AnUnmarkedOlderOccurrenceEndsTheStreak()
    {
        var progress = RitualProgress.Of(WeeklyOnFridays(), Berlin, Marks(("2026-11-27", RitualOutcomeStatus.Done), ("2026-11-13", RitualOutcomeStatus.Done)), FridayNight);

        Assert.Equal(1, progress.Streak);
        Assert.Equal(2, progress.Done);
    }

    [Fact]
    public void LooksAtTheLastDozenOccurrencesOnly()
    {
        var schedule = WeeklyOnFridays("2025-01-01");
        var everyFriday = schedule.StartedBefore(Berlin, FridayNight).ToDictionary(occurrence => occurrence.Day, _ => RitualOutcomeStatus.Done);

        var progress = RitualProgress.Of(schedule, Berlin, everyFriday, FridayNight);

        Assert.Equal(RitualProgress.Window, progress.Counted);
        Assert.Equal(100, progress.Percent);
        Assert.Equal(everyFriday.Count, progress.Streak);
    }

    [Fact]
    public void BeforeTheFirstOccurrenceThereIsNothingToMeasure()
    {
        var progress = RitualProgress.Of(WeeklyOnFridays("2026-11-28"), Berlin, Marks(), FridayNight);

        Assert.Equal(RitualProgress.None, progress);
        Assert.Null(progress.Percent);
    }
}

public class RitualScheduleInWords
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    [Theory]
    [InlineData(RitualRepeat.Weekly, "Every Friday at 19:30, for 2 hours")]
    [InlineData(RitualRepeat.Daily, "Every day at 19:30, for 2 hours")]
    [InlineData(RitualRepeat.MonthlyOnDay, "On the 1st of every month at 19:30, for 2 hours")]
    [InlineData(RitualRepeat.MonthlyOnNthWeekday, "On the last Sunday of every month at 19:30, for 2 hours")]
    [InlineData(RitualRepeat.Once, "On Thursday 24 December 2026 at 19:30, for 2 hours")]
    public void DescribesEachRepeat(RitualRepeat repeat, string expected)
    {
        Assert.True(RitualSchedule.TryCreate(repeat, new DateOnly(2026, 12, 24), LocalTimeOfDay.From(new TimeOnly(19, 30)), TimeSpan.FromHours(2), [DayOfWeek.Friday], 1, -1, DayOfWeek.Sunday, Berlin, DateTimeOffset.MinValue, out var schedule, out _));

        Assert.Equal(expected, RitualScheduleText.Describe(schedule!));
    }

    [Fact]
    public void ListsSeveralWeekdaysFromMonday()
    {
        Assert.Equal("Monday, Wednesday and Sunday", RitualScheduleText.Days([DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Monday]));
    }

    [Theory]
    [InlineData(10, "10 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(90, "1 h 30 min")]
    [InlineData(1440, "24 hours")]
    public void SaysHowLongInPlainWords(int minutes, string expected)
    {
        Assert.Equal(expected, RitualScheduleText.Duration(TimeSpan.FromMinutes(minutes)));
    }
}

public class ARitual
{
    [Fact]
    public void KeepsItsScheduleThroughStorageAndChanges()
    {
        var berlin = TimeZoneId.Parse("Europe/Berlin");
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Assert.True(RitualName.TryParse("Date night", out var name, out _));
        var schedule = RitualTemplates.DateNight.ScheduleFrom(new DateOnly(2026, 11, 25), berlin, now);

        var ritual = Ritual.Create(Guid.NewGuid(), "alex", name!, "Phones away", schedule, RitualTemplates.DateNight.Key, now);

        Assert.Equal(schedule.Weekdays, ritual.Schedule.Weekdays);
        Assert.Equal(schedule.OccurrencesBetween(berlin, now, now.AddDays(60)), ritual.Schedule.OccurrencesBetween(berlin, now, now.AddDays(60)));
        Assert.False(ritual.IsMonthlyReflection);

        ritual.Delete(now.AddDays(1));
        ritual.Delete(now.AddDays(2));
        Assert.Equal(now.AddDays(1), ritual.DeletedAt);
    }

    [Fact]
    public void RemembersOnlyTemplatesThatExist()
    {
        var berlin = TimeZoneId.Parse("Europe/Berlin");
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Assert.True(RitualName.TryParse("Our month", out var name, out _));
        var schedule = RitualTemplates.MonthlyReflection.ScheduleFrom(new DateOnly(2026, 11, 25), berlin, now);

        Assert.True(Ritual.Create(Guid.NewGuid(), "alex", name!, null, schedule, "monthly-reflection", now).IsMonthlyReflection);
        Assert.Null(Ritual.Create(Guid.NewGuid(), "alex", name!, null, schedule, "made-up", now).TemplateKey);
    }

    [Theory]
    [InlineData("   ", true, null)]
    [InlineData("Phones in the drawer", true, "Phones in the drawer")]
    public void TakesAnOptionalDescription(string input, bool valid, string? expected)
    {
        Assert.Equal(valid, RitualText.TryParseDescription(input, out var description, out _));
        Assert.Equal(expected, description);
    }

    [Fact]
    public void RefusesADescriptionOver280Characters()
    {
        Assert.False(RitualText.TryParseDescription(new string('a', 281), out _, out var problem));
        Assert.Contains("280", problem);
    }
}
