namespace CoupleConnect.Domain.TimeOuts;

/// <summary>
/// How long a time-out may last, always measured from when it was called: at least 20 minutes (the time a body needs
/// to calm down before listening works again), at most 24 hours (a pause, not a silence). An extension stays inside
/// the same 24 hours.
/// </summary>
public static class TimeOutBounds
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(20);

    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    public static DateTimeOffset EarliestReturn(DateTimeOffset calledAt) => calledAt + Shortest;

    public static DateTimeOffset LatestReturn(DateTimeOffset calledAt) => calledAt + Longest;

    /// <summary>Null when <paramref name="returnAt"/> is a return time a time-out called at <paramref name="calledAt"/> may have; otherwise why not.</summary>
    public static string? ProblemWith(DateTimeOffset calledAt, DateTimeOffset returnAt)
    {
        if (returnAt < EarliestReturn(calledAt))
        {
            return "Please give yourselves at least 20 minutes: that is about how long it takes to calm down.";
        }

        return returnAt > LatestReturn(calledAt)
            ? "A time-out lasts at most 24 hours from when it started. Please choose an earlier time."
            : null;
    }
}
