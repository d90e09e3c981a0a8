namespace CoupleConnect.Domain.Goals;

/// <summary>
/// When a goal with a rhythm is due a check-in: a week (or a calendar month) after the last one, counted in the
/// couple's days. A new goal counts from the day it was set. A goal without a rhythm is never "due".
/// </summary>
public static class CheckInRhythm
{
    /// <summary>The day the next check-in is due, or null for a goal without a rhythm.</summary>
    public static DateOnly? DueOn(GoalRhythm rhythm, DateOnly lastCheckInOrSet) => rhythm switch
    {
        GoalRhythm.Weekly => lastCheckInOrSet.AddDays(7),
        GoalRhythm.Monthly => lastCheckInOrSet.AddMonths(1),
        _ => null,
    };

    /// <summary>True from the due day on, until someone checks in.</summary>
    public static bool IsDue(GoalRhythm rhythm, DateOnly lastCheckInOrSet, DateOnly today) =>
        DueOn(rhythm, lastCheckInOrSet) is { } due && today >= due;
}
