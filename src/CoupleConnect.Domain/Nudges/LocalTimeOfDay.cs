using System.Globalization;

namespace CoupleConnect.Domain.Nudges;

/// <summary>A wall-clock time in the person's own zone, to the minute ("08:00"), validated once.</summary>
public sealed record LocalTimeOfDay
{
    private LocalTimeOfDay(TimeOnly value) => Value = value;

    public TimeOnly Value { get; }

    public static LocalTimeOfDay MorningDefault { get; } = new(new TimeOnly(8, 0));

    public static LocalTimeOfDay EveningDefault { get; } = new(new TimeOnly(21, 0));

    public static bool TryParse(string? text, out LocalTimeOfDay? time, out string? problem)
    {
        time = null;
        problem = null;
        // Browsers' time inputs may send whole seconds ("08:00:00"); a time with real seconds is still refused.
        if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:00"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = new LocalTimeOfDay(parsed);
            return true;
        }

        problem = "Please enter a time of day like 08:00 or 21:30 (24-hour clock).";
        return false;
    }

    public static LocalTimeOfDay From(TimeOnly time) => new(new TimeOnly(time.Hour, time.Minute));

    public override string ToString() => Value.ToString("HH:mm", CultureInfo.InvariantCulture);
}
