namespace CoupleConnect.Domain.Temperature;

/// <summary>One partner's revealed score in one week.</summary>
public sealed record TemperaturePoint(DateOnly WeekOf, int Connected);

/// <summary>
/// What the trend may say. It never scores or judges anyone: when either partner's score fell by
/// <see cref="GentleDrop"/> or more from their previous revealed week, the couple is offered a talk or some time
/// together. Only a recent drop counts (the latest revealed week is this week or last week): an old dip is history.
/// </summary>
public static class TemperatureTrend
{
    public const int GentleDrop = 3;

    /// <summary>
    /// True when the latest revealed week (this or last) shows a drop of 3 or more for either partner compared with
    /// that partner's own previous revealed week. Each of <paramref name="partners"/> holds one partner's revealed points only.
    /// </summary>
    public static bool SuggestsTimeTogether(IEnumerable<IEnumerable<TemperaturePoint>> partners, DateOnly thisWeek)
    {
        ArgumentNullException.ThrowIfNull(partners);
        return partners.Any(points => DroppedRecently(points.OrderBy(point => point.WeekOf).ToList(), thisWeek));
    }

    private static bool DroppedRecently(List<TemperaturePoint> points, DateOnly thisWeek)
    {
        if (points.Count < 2)
        {
            return false;
        }

        var latest = points[^1];
        var previous = points[^2];
        return latest.WeekOf >= thisWeek.AddDays(-7) && previous.Connected - latest.Connected >= GentleDrop;
    }
}
