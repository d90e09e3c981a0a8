using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Temperature;

/// <summary>
/// The weeks the temperature is asked for: Monday to Sunday in the couple's home zone, whatever the partners' own
/// zones, as every couple week (<see cref="Dashboard.CoupleWeeks"/>). Weeks are dates, never instants, so a clock
/// change (a 23- or 25-hour Sunday) cannot move an answer into another week or make a window one week short.
/// </summary>
public static class TemperatureWeeks
{
    /// <summary>How many weeks the dashboard and its trend look back over, this one included.</summary>
    public const int Window = 12;

    public static DateOnly StartOf(DateOnly day) => Dashboard.CoupleWeeks.StartOf(day);

    /// <summary>The week it is at <paramref name="now"/> in the couple's <paramref name="homeZone"/>.</summary>
    public static DateOnly WeekAt(TimeZoneId homeZone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(homeZone);
        return StartOf(homeZone.LocalDate(now));
    }

    /// <summary>The last <paramref name="weeks"/> weeks up to and including the one at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> LastWeeks(TimeZoneId homeZone, DateTimeOffset now, int weeks = Window)
    {
        var thisWeek = WeekAt(homeZone, now);
        return Enumerable.Range(0, weeks).Select(index => thisWeek.AddDays(-7 * (weeks - 1 - index))).ToList();
    }
}
