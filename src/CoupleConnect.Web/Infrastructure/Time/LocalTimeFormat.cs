using System.Globalization;
using CoupleConnect.Domain.Common;

namespace CoupleConnect.Web.Infrastructure.Time;

/// <summary>Instants shown to a person in their own zone, in words ("Saturday 28 November at 09:05").</summary>
public static class LocalTimeFormat
{
    public static string DayAndTime(DateTimeOffset instant, string timeZoneId) =>
        Local(instant, timeZoneId).ToString("dddd d MMMM 'at' ", CultureInfo.InvariantCulture) + ClockText.Of(Local(instant, timeZoneId));

    public static string Day(DateTimeOffset instant, string timeZoneId) =>
        Local(instant, timeZoneId).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider timeProvider, string timeZoneId) =>
        Zone(timeZoneId).LocalDate(timeProvider.GetUtcNow());

    private static DateTime Local(DateTimeOffset instant, string timeZoneId) => TimeZoneInfo.ConvertTime(instant, Zone(timeZoneId).Zone).DateTime;

    private static TimeZoneId Zone(string timeZoneId) => TimeZoneId.ParseOrUtc(timeZoneId);
}
