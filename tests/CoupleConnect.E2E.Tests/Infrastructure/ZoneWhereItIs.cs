namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// Zones chosen by what their clock reads right now, so a journey meets the home page it expects whatever hour the
/// suite runs: the home page puts gratitude first from 18:00 on the person's own clock (docs/adr/0029). The Etc/GMT
/// zones cover every whole-hour offset; all the chosen zones share one local date.
/// </summary>
public static class ZoneWhereItIs
{
    /// <summary>A zone where it is between 09:00 and 15:00: today's question comes first, hours from evening and midnight.</summary>
    /// <param name="other">0 for the first such zone, 1 for another one an hour or more away (a couple in two zones).</param>
    public static string Daytime(int other = 0) => Where(fromHour: 9, toHour: 15, other);

    /// <summary>A zone where it is between 19:00 and 22:00: tonight's gratitude comes first, hours from midnight.</summary>
    public static string Evening(int other = 0) => Where(fromHour: 19, toHour: 22, other);

    private static string Where(int fromHour, int toHour, int other)
    {
        var now = DateTimeOffset.UtcNow;
        var matching = Enumerable.Range(-12, 27)
            .Select(hoursEast => (Zone: EtcZone(hoursEast), Local: now.ToOffset(TimeSpan.FromHours(hoursEast))))
            .Where(zone => zone.Local.Hour >= fromHour && zone.Local.Hour < toHour)
            .GroupBy(zone => zone.Local.Date)
            .MaxBy(sameDate => sameDate.Count())!
            .ToList();
        return matching[other % matching.Count].Zone;
    }

    /// <summary>The IANA name for a fixed offset; POSIX signs are inverted ("Etc/GMT-3" is three hours east).</summary>
    private static string EtcZone(int hoursEast) => hoursEast switch
    {
        0 => "Etc/UTC",
        > 0 => $"Etc/GMT-{hoursEast}",
        _ => $"Etc/GMT+{-hoursEast}",
    };
}
