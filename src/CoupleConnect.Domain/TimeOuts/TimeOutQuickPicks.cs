using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.TimeOuts;

public enum TimeOutQuickPick
{
    TwentyMinutes,
    OneHour,
    ThisEvening,
    TomorrowMorning,
}

/// <summary>One quick pick as the caller sees it now: when it would end, or why it isn't offered right now.</summary>
public sealed record TimeOutChoice(TimeOutQuickPick Pick, string Label, DateTimeOffset? ReturnAt, string? NotNow)
{
    public bool IsOffered => ReturnAt is not null;
}

/// <summary>
/// The quick picks, in the caller's own zone (docs/adr/0032): "this evening" is 19:00 today and "tomorrow morning" is
/// the next 08:00, each on the caller's own clock (DST-safe, as reminders are). A pick whose time is less than 20
/// minutes away or more than 24 hours away is not offered, with a plain reason: after 18:40 "this evening" has passed,
/// and the page suggests another pick; between midnight and 07:40 "tomorrow morning" is this morning's 08:00.
/// </summary>
public static class TimeOutQuickPicks
{
    public static readonly TimeOnly Evening = new(19, 0);

    public static readonly TimeOnly Morning = new(8, 0);

    public static IReadOnlyList<TimeOutChoice> For(DateTimeOffset now, TimeZoneId callerZone) =>
    [
        Choice(TimeOutQuickPick.TwentyMinutes, now),
        Choice(TimeOutQuickPick.OneHour, now),
        Choice(TimeOutQuickPick.ThisEvening, now, callerZone),
        Choice(TimeOutQuickPick.TomorrowMorning, now, callerZone),
    ];

    /// <summary>The return time of <paramref name="pick"/> called at <paramref name="now"/>, or null when it isn't offered now.</summary>
    public static DateTimeOffset? ReturnAt(TimeOutQuickPick pick, DateTimeOffset now, TimeZoneId callerZone) =>
        Choice(pick, now, callerZone).ReturnAt;

    public static string LabelOf(TimeOutQuickPick pick) => pick switch
    {
        TimeOutQuickPick.TwentyMinutes => "20 minutes",
        TimeOutQuickPick.OneHour => "1 hour",
        TimeOutQuickPick.ThisEvening => "This evening",
        TimeOutQuickPick.TomorrowMorning => "Tomorrow morning",
        _ => throw new ArgumentOutOfRangeException(nameof(pick), pick, "Not a quick pick."),
    };

    private static TimeOutChoice Choice(TimeOutQuickPick pick, DateTimeOffset now, TimeZoneId? zone = null)
    {
        var label = LabelOf(pick);
        switch (pick)
        {
            case TimeOutQuickPick.TwentyMinutes:
                return new TimeOutChoice(pick, label, now + TimeOutBounds.Shortest, null);
            case TimeOutQuickPick.OneHour:
                return new TimeOutChoice(pick, label, now + TimeSpan.FromHours(1), null);
            case TimeOutQuickPick.ThisEvening:
                var evening = ReminderClock.DueOn(zone!, LocalTimeOfDay.From(Evening), zone!.LocalDate(now));
                return TimeOutBounds.ProblemWith(now, evening) is null
                    ? new TimeOutChoice(pick, label, evening, null)
                    : new TimeOutChoice(pick, label, null, "It's already evening: choose 1 hour, tomorrow morning or a time of your own.");
            default:
                var morning = ReminderClock.NextDueAfter(zone!, LocalTimeOfDay.From(Morning), now + TimeOutBounds.Shortest - TimeSpan.FromTicks(1));
                return TimeOutBounds.ProblemWith(now, morning) is null
                    ? new TimeOutChoice(pick, label, morning, null)
                    : new TimeOutChoice(pick, label, null, "The next morning is more than 24 hours away: choose a time of your own.");
        }
    }
}
