using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Rituals;

/// <summary>A starting point the couple can adjust before saving: name, description and a suggested schedule.</summary>
public sealed record RitualTemplate(string Key, string Name, string Description, RitualRepeat Repeat, TimeOnly StartTime, TimeSpan Duration, DayOfWeek Weekday, int Nth)
{
    /// <summary>The template's schedule starting on <paramref name="firstDay"/> (the couple's home-zone day).</summary>
    public RitualSchedule ScheduleFrom(DateOnly firstDay, TimeZoneId zone, DateTimeOffset now)
    {
        var valid = RitualSchedule.TryCreate(Repeat, firstDay, LocalTimeOfDay.From(StartTime), Duration, [Weekday], 0, Nth, Weekday, zone, now, out var schedule, out var problem);
        return valid ? schedule! : throw new InvalidOperationException($"Template {Key} is invalid: {problem}");
    }
}

/// <summary>The three rituals CoupleConnect suggests, in our own words.</summary>
public static class RitualTemplates
{
    public static readonly RitualTemplate EveningGratitude = new(
        "nightly-gratitude",
        "Gratitude before sleep",
        "Each of you names one thing you appreciated about the other today.",
        RitualRepeat.Daily,
        new TimeOnly(21, 30),
        TimeSpan.FromMinutes(10),
        DayOfWeek.Sunday,
        0);

    public static readonly RitualTemplate DateNight = new(
        "date-night",
        "Date night, no screens",
        "An evening for the two of you: phones away, attention on each other.",
        RitualRepeat.Weekly,
        new TimeOnly(19, 30),
        TimeSpan.FromHours(2),
        DayOfWeek.Friday,
        0);

    public static readonly RitualTemplate MonthlyReflection = new(
        "monthly-reflection",
        "Our month, looking back and ahead",
        "What went well this month, and one goal or dream for the next.",
        RitualRepeat.MonthlyOnNthWeekday,
        new TimeOnly(19, 0),
        TimeSpan.FromHours(1),
        DayOfWeek.Sunday,
        1);

    public static IReadOnlyList<RitualTemplate> All { get; } = [EveningGratitude, DateNight, MonthlyReflection];
}
