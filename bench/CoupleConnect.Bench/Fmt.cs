using System.Globalization;

namespace CoupleConnect.Bench;

/// <summary>Invariant-culture number formatting for console output and result files.</summary>
public static class Fmt
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan value) => Seconds(value.TotalSeconds);

    public static string Seconds(double seconds) => seconds < 10
        ? seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s"
        : seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Rate(long rows, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? "n/a" : (rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) + " rows/s";

    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Times(double factor) => factor.ToString(factor < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + "×";

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
