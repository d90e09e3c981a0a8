using CoupleConnect.Domain.Common;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// Where the benchmark's people live: a rough guess at an English-language couples app's audience, weighted by
/// share of users (percent). Includes the awkward ones on purpose: half-hour and 45-minute offsets, Lord Howe's
/// 30-minute DST, southern-hemisphere DST, zones without DST.
/// </summary>
public static class Zones
{
    public static readonly IReadOnlyList<(string Zone, double Weight)> Mix =
    [
        ("America/New_York", 15),
        ("America/Chicago", 8),
        ("America/Denver", 2),
        ("America/Phoenix", 1),
        ("America/Los_Angeles", 10),
        ("America/Toronto", 3),
        ("America/Mexico_City", 3),
        ("America/Sao_Paulo", 6),
        ("America/Argentina/Buenos_Aires", 1),
        ("Europe/London", 9),
        ("Europe/Dublin", 1),
        ("Europe/Berlin", 6),
        ("Europe/Paris", 4),
        ("Europe/Madrid", 3),
        ("Europe/Amsterdam", 2),
        ("Europe/Warsaw", 2),
        ("Africa/Lagos", 1),
        ("Africa/Johannesburg", 1),
        ("Asia/Dubai", 1),
        ("Asia/Kolkata", 8),
        ("Asia/Kathmandu", 0.2),
        ("Asia/Singapore", 2),
        ("Asia/Manila", 2),
        ("Asia/Tokyo", 2),
        ("Australia/Perth", 0.5),
        ("Australia/Adelaide", 0.5),
        ("Australia/Sydney", 3),
        ("Australia/Melbourne", 1),
        ("Australia/Lord_Howe", 0.1),
        ("Pacific/Auckland", 1.7),
    ];

    /// <summary>Number of slots in <see cref="Slots"/>: a weight of 0.01% gets one slot.</summary>
    public const int SlotCount = 10_000;

    /// <summary>
    /// <see cref="SlotCount"/> zone names, each zone repeated in proportion to its weight, so SQL picks a zone with
    /// <c>floor(random() * n)</c> as a slot number.
    /// </summary>
    public static string[] Slots()
    {
        foreach (var (zone, _) in Mix)
        {
            // Fail early (before seeding a million rows) if this machine's tzdata lacks a zone.
            _ = TimeZoneId.Parse(zone);
        }

        var total = Mix.Sum(entry => entry.Weight);
        var slots = new List<string>(SlotCount);
        var cumulative = 0.0;
        foreach (var (zone, weight) in Mix)
        {
            cumulative += weight;
            var end = (int)Math.Round(cumulative / total * SlotCount);
            while (slots.Count < end)
            {
                slots.Add(zone);
            }
        }

        return [.. slots];
    }

    public static string Describe() =>
        string.Join(", ", Mix.Select(entry => $"{entry.Zone} {Fmt.Number(entry.Weight / Mix.Sum(e => e.Weight) * 100, "0.#")}%"));
}
