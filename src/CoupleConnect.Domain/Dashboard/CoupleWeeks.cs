namespace CoupleConnect.Domain.Dashboard;

/// <summary>One week's positives per partner, for "this week vs last week" and the 12-week chart.</summary>
public sealed record WeekCount(DateOnly WeekStart, int Yours, int Partners);

/// <summary>Weeks in the couple's home zone run Monday to Sunday (ISO 8601), whatever the partners' own zones.</summary>
public static class CoupleWeeks
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The last <paramref name="weeks"/> weeks up to and including the one containing <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<WeekCount> Count(IEnumerable<(DateOnly Day, bool Yours)> positives, DateOnly today, int weeks)
    {
        var thisWeek = StartOf(today);
        var firstWeek = thisWeek.AddDays(-7 * (weeks - 1));
        var byWeek = positives
            .Where(positive => positive.Day >= firstWeek && positive.Day <= today)
            .GroupBy(positive => StartOf(positive.Day))
            .ToDictionary(group => group.Key, group => (Yours: group.Count(positive => positive.Yours), Partners: group.Count(positive => !positive.Yours)));
        return Enumerable.Range(0, weeks)
            .Select(index => firstWeek.AddDays(7 * index))
            .Select(start => byWeek.TryGetValue(start, out var counts) ? new WeekCount(start, counts.Yours, counts.Partners) : new WeekCount(start, 0, 0))
            .ToList();
    }
}
