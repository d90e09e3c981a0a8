using System.Globalization;

namespace CoupleConnect.Domain.Common;

/// <summary>
/// Every time of day the app shows, written one way: the person's locale decides 24-hour ("19:30") or 12-hour
/// ("7:30 PM"), and every page, card and schedule line asks here (issue 15 item 11; an architecture test refuses
/// time formats written anywhere else). The browser's own time inputs follow the same locale.
/// </summary>
public static class ClockText
{
    /// <summary>The time in the current culture's clock (the person's locale on a page; en-GB's 24-hour clock in jobs).</summary>
    public static string Of(TimeOnly time) => In(CultureInfo.CurrentCulture, time);

    /// <summary>The time as <paramref name="culture"/> writes it: its 12-hour clock, or else the 24-hour one.</summary>
    public static string In(CultureInfo culture, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return IsTwelveHour(culture)
            ? time.ToString("h:mm tt", culture)
            : time.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A wall-clock instant's time of day.</summary>
    public static string Of(DateTime local) => Of(TimeOnly.FromDateTime(local));

    /// <summary>A time as the forms carry it ("07:30"); anything unreadable is shown as it came.</summary>
    public static string Of(string? hoursAndMinutes) =>
        TryReadInput(hoursAndMinutes, out var time) ? Of(time) : hoursAndMinutes ?? string.Empty;

    /// <summary>
    /// A time as a form field and the database carry it ("07:30"): the value of the browser's time input, which shows
    /// it in the person's own clock. Never shown as it is.
    /// </summary>
    public static string ForInput(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a form's time ("07:30", "7:30"); browsers' time inputs may add whole seconds ("07:30:00"), but a time
    /// with real seconds is refused.
    /// </summary>
    public static bool TryReadInput(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:00"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>True when the culture writes times with a 12-hour clock (its short time pattern uses h, not H).</summary>
    public static bool IsTwelveHour(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = culture.DateTimeFormat.ShortTimePattern;
        return pattern.Contains('h', StringComparison.Ordinal) && !pattern.Contains('H', StringComparison.Ordinal);
    }
}
