using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Tests.Reminders;

/// <summary>The zones, times and conversions every reminder test starts from.</summary>
internal static class Nudging
{
    public static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");

    public static readonly TimeZoneId London = TimeZoneId.Parse("Europe/London");

    public static readonly TimeZoneId LordHowe = TimeZoneId.Parse("Australia/Lord_Howe");

    public static readonly TimeZoneId Kolkata = TimeZoneId.Parse("Asia/Kolkata");

    public static readonly TimeZoneId Auckland = TimeZoneId.Parse("Pacific/Auckland");

    public static TimeZoneId Zone(string id) => TimeZoneId.Parse(id);

    public static LocalTimeOfDay At(string text) =>
        LocalTimeOfDay.TryParse(text, out var time, out var problem) ? time! : throw new ArgumentException(problem, nameof(text));

    public static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What a wall clock in <paramref name="zone"/> reads at <paramref name="instant"/> (worked out by the runtime, not by ReminderClock).</summary>
    public static DateTime WallClock(TimeZoneId zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone.Zone).DateTime;

    public static IReadOnlyList<DateOnly> Days(string commaSeparated) =>
        commaSeparated.Length == 0 ? [] : commaSeparated.Split(',').Select(Day).ToList();
}
