namespace CoupleConnect.Domain.TimeOuts;

/// <summary>How many time-outs a couple took in one month: the couple's, never counted per partner.</summary>
public sealed record TimeOutMonth(int Year, int Month, int Count);

/// <summary>The couple's private history: a count per month, newest first. Deliberately not per partner (docs/adr/0032).</summary>
public static class TimeOutHistory
{
    public static IReadOnlyList<TimeOutMonth> ByMonth(IEnumerable<DateOnly> localDaysCalled) =>
        localDaysCalled
            .GroupBy(day => (day.Year, day.Month))
            .OrderByDescending(group => group.Key)
            .Select(group => new TimeOutMonth(group.Key.Year, group.Key.Month, group.Count()))
            .ToList();
}
