using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Rituals;

/// <summary>How a ritual is going: done out of the recent occurrences, and how many in a row were done.</summary>
public sealed record RitualProgress(int Done, int Counted, int Streak)
{
    /// <summary>Completion is measured over the last dozen occurrences: twelve days, weeks or months.</summary>
    public const int Window = 12;

    public static RitualProgress None { get; } = new(0, 0, 0);

    /// <summary>Done out of counted, as a whole percentage; null before the first occurrence.</summary>
    public int? Percent => Counted == 0 ? null : (int)Math.Round(100.0 * Done / Counted, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Counts the occurrences that have started (newest first). The newest one, still unmarked, neither counts nor
    /// breaks the streak: it may be happening right now. Any other unmarked or skipped one ends the streak.
    /// </summary>
    public static RitualProgress Of(RitualSchedule schedule, TimeZoneId zone, IReadOnlyDictionary<DateOnly, RitualOutcomeStatus> outcomes, DateTimeOffset nowUtc)
    {
        var started = schedule.StartedBefore(zone, nowUtc).Take(Window + 1).ToList();
        if (started.Count > 0 && !outcomes.ContainsKey(started[0].Day))
        {
            started.RemoveAt(0);
        }

        var counted = started.Take(Window).ToList();
        var done = counted.Count(occurrence => IsDone(occurrence.Day));

        var streak = 0;
        foreach (var occurrence in schedule.StartedBefore(zone, nowUtc).SkipWhile((occurrence, index) => index == 0 && !outcomes.ContainsKey(occurrence.Day)))
        {
            if (!IsDone(occurrence.Day))
            {
                break;
            }

            streak++;
        }

        return new RitualProgress(done, counted.Count, streak);

        bool IsDone(DateOnly day) => outcomes.TryGetValue(day, out var status) && status == RitualOutcomeStatus.Done;
    }
}
