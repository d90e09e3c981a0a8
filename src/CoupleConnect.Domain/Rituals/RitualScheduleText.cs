using System.Globalization;
using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Rituals;

/// <summary>A schedule in plain words: "Every Friday at 19:30, for 2 hours" (the time in the person's clock, <see cref="ClockText"/>).</summary>
public static class RitualScheduleText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Describe(RitualSchedule schedule)
    {
        var at = ClockText.Of(schedule.StartTime.Value);
        var when = schedule.Repeat switch
        {
            RitualRepeat.Once => $"On {schedule.StartDate.ToString("dddd d MMMM yyyy", English)} at {at}",
            RitualRepeat.Daily => $"Every day at {at}",
            RitualRepeat.Weekly => $"Every {Days(schedule.Weekdays)} at {at}",
            RitualRepeat.MonthlyOnDay => $"On the {Ordinal(schedule.DayOfMonth)} of every month at {at}",
            RitualRepeat.MonthlyOnNthWeekday => $"On the {NthName(schedule.Nth)} {schedule.NthWeekday} of every month at {at}",
            _ => $"At {at}",
        };
        return $"{when}, for {Duration(schedule.Duration)}";
    }

    public static string Duration(TimeSpan duration) => (duration.Hours + (duration.Days * 24), duration.Minutes) switch
    {
        (0, var minutes) => $"{minutes} minutes",
        (1, 0) => "1 hour",
        (var hours, 0) => $"{hours} hours",
        (var hours, var minutes) => $"{hours} h {minutes} min",
    };

    public static string NthName(int nth) => nth switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        -1 => "last",
        _ => nth.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Weekdays in week order from Monday: "Monday, Wednesday and Friday".</summary>
    public static string Days(IEnumerable<DayOfWeek> days)
    {
        var names = days.OrderBy(day => ((int)day + 6) % 7).Select(day => day.ToString()).ToList();
        return names.Count switch
        {
            0 => "week",
            1 => names[0],
            7 => "day",
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }

    private static string Ordinal(int day) => day + (day % 10, day % 100) switch
    {
        (1, not 11) => "st",
        (2, not 12) => "nd",
        (3, not 13) => "rd",
        _ => "th",
    };
}
