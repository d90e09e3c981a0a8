namespace CoupleConnect.Domain.Nudges;

/// <summary>The kinds of email nudge a person can turn on or off, each with its own schedule row.</summary>
public enum NudgeKind
{
    DailyQuestion,
    EveningGratitude,
    PartnerActivity,
    WeeklySummary,

    /// <summary>A ritual is coming up: sent the chosen lead time before one occurrence (per ritual and partner).</summary>
    RitualReminder,

    /// <summary>A monthly ritual is tomorrow: sent the day before, at the ritual's own local time.</summary>
    RitualDayBefore,
}

/// <summary>
/// One person's email nudge choices. Times are wall-clock times in their own time zone. Every account has its row
/// from the moment it is created, so a reader never has to guess them.
/// </summary>
public sealed class NudgePreferences
{
    private NudgePreferences()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public bool QuestionNudgeOn { get; private set; } = true;

    public TimeOnly QuestionNudgeAt { get; private set; } = LocalTimeOfDay.MorningDefault.Value;

    public bool GratitudeNudgeOn { get; private set; } = true;

    public TimeOnly GratitudeNudgeAt { get; private set; } = LocalTimeOfDay.EveningDefault.Value;

    public bool PartnerActivityOn { get; private set; } = true;

    /// <summary>Opt-in: a Sunday-evening email with the week's counts and one highlight.</summary>
    public bool WeeklySummaryOn { get; private set; }

    /// <summary>Opt-in: the weekly highlight may quote what the partner wrote, and only when both partners said yes.</summary>
    public bool ShareHighlightText { get; private set; }

    /// <summary>The weekly summary goes out on Sunday at this local time.</summary>
    public static LocalTimeOfDay WeeklySummaryAt { get; } = LocalTimeOfDay.From(new TimeOnly(19, 0));

    /// <summary>The day a weekly kind is sent on; null for daily kinds.</summary>
    public static DayOfWeek? WeekdayOf(NudgeKind kind) => kind == NudgeKind.WeeklySummary ? DayOfWeek.Sunday : null;

    /// <summary>A new account's choices: the one place the defaults are written (the table's column defaults come from here).</summary>
    public static NudgePreferences DefaultsFor(string userId) => new() { UserId = userId };

    public void ChangeWeeklySummary(bool on, bool shareHighlightText)
    {
        WeeklySummaryOn = on;
        ShareHighlightText = shareHighlightText;
    }

    public void Change(bool questionOn, LocalTimeOfDay questionAt, bool gratitudeOn, LocalTimeOfDay gratitudeAt, bool partnerActivityOn)
    {
        QuestionNudgeOn = questionOn;
        QuestionNudgeAt = questionAt.Value;
        GratitudeNudgeOn = gratitudeOn;
        GratitudeNudgeAt = gratitudeAt.Value;
        PartnerActivityOn = partnerActivityOn;
    }

    /// <summary>Turns off exactly one kind (one-click unsubscribe).</summary>
    public void TurnOff(NudgeKind kind) => Set(kind, false);

    /// <summary>Turns one kind back on (the unsubscribe page's undo).</summary>
    public void TurnOn(NudgeKind kind) => Set(kind, true);

    public bool IsOn(NudgeKind kind) => kind switch
    {
        NudgeKind.DailyQuestion => QuestionNudgeOn,
        NudgeKind.EveningGratitude => GratitudeNudgeOn,
        NudgeKind.PartnerActivity => PartnerActivityOn,
        NudgeKind.WeeklySummary => WeeklySummaryOn,
        _ => false,
    };

    private void Set(NudgeKind kind, bool on)
    {
        switch (kind)
        {
            case NudgeKind.DailyQuestion:
                QuestionNudgeOn = on;
                break;
            case NudgeKind.EveningGratitude:
                GratitudeNudgeOn = on;
                break;
            case NudgeKind.PartnerActivity:
                PartnerActivityOn = on;
                break;
            case NudgeKind.WeeklySummary:
                WeeklySummaryOn = on;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a nudge kind.");
        }
    }

    /// <summary>The scheduled kinds that are on (weekly ones on <see cref="WeekdayOf"/>), with their local times (partner activity is sent on events instead).</summary>
    public IEnumerable<(NudgeKind Kind, LocalTimeOfDay At)> ScheduledKinds()
    {
        if (QuestionNudgeOn)
        {
            yield return (NudgeKind.DailyQuestion, LocalTimeOfDay.From(QuestionNudgeAt));
        }

        if (GratitudeNudgeOn)
        {
            yield return (NudgeKind.EveningGratitude, LocalTimeOfDay.From(GratitudeNudgeAt));
        }

        if (WeeklySummaryOn)
        {
            yield return (NudgeKind.WeeklySummary, WeeklySummaryAt);
        }
    }
}

/// <summary>The one row per (person, kind) the dispatcher looks at: when that nudge is next due, in UTC.</summary>
public sealed class NudgeSchedule
{
    private NudgeSchedule()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public NudgeKind Kind { get; private set; }

    public DateTimeOffset NextDueUtc { get; private set; }

    public static NudgeSchedule For(string userId, NudgeKind kind, DateTimeOffset nextDueUtc) =>
        new() { UserId = userId, Kind = kind, NextDueUtc = nextDueUtc };

    public void MoveTo(DateTimeOffset nextDueUtc) => NextDueUtc = nextDueUtc;
}
