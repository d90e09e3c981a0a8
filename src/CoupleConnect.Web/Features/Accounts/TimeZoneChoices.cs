using System.Globalization;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>IANA zones for pickers, labelled with their current offset ("Europe/Berlin (UTC+01:00)").</summary>
public static class TimeZoneChoices
{
    public static IReadOnlyList<TimeZoneChoice> All(TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return TimeZoneInfo.GetSystemTimeZones()
            .Where(zone => zone.HasIanaId && zone.Id.Contains('/', StringComparison.Ordinal) && !zone.Id.StartsWith("Etc/", StringComparison.Ordinal))
            .Select(zone => new TimeZoneChoice(zone.Id, $"{zone.Id.Replace('_', ' ')} (UTC{FormatOffset(zone.GetUtcOffset(now))})"))
            .Append(new TimeZoneChoice("Etc/UTC", "UTC"))
            .OrderBy(choice => choice.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}

public sealed record TimeZoneChoice(string Id, string Label);
