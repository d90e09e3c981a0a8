using System.Globalization;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>
/// The day a check-in address names, as a person would type or bookmark it: <c>today</c>, <c>yesterday</c>, or a date
/// (2026-11-25, also 2026-11-5). Relative days are the couple's days, resolved by the page from the couple's today.
/// </summary>
public readonly record struct CheckInDayAddress(DateOnly? Date, int DaysBeforeToday)
{
    public static readonly CheckInDayAddress Today = new(null, 0);

    public static bool TryParse(string? text, out CheckInDayAddress address)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        (var understood, address) = trimmed.ToLowerInvariant() switch
        {
            "" or "today" => (true, Today),
            "yesterday" => (true, new CheckInDayAddress(null, 1)),
            _ when DateOnly.TryParseExact(trimmed, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => (true, new CheckInDayAddress(date, 0)),
            _ => (false, Today),
        };
        return understood;
    }

    /// <summary>The page of one day's question, relative to the app's base (as every in-app link is).</summary>
    public static string PathOf(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"checkin/{day:yyyy-MM-dd}");

    /// <summary>The date, given the couple's today.</summary>
    public DateOnly On(DateOnly coupleToday) => Date ?? coupleToday.AddDays(-DaysBeforeToday);
}
