namespace CoupleConnect.Domain.Reminders;

/// <summary>The kinds of email reminder a person can turn on or off, each with its own schedule row.</summary>
public enum ReminderKind
{
    DailyQuestion,
    EveningGratitude,
    PartnerActivity,
    WeeklySummary,

    /// <summary>A ritual is coming up: sent the chosen lead time before one occurrence (per ritual and partner).</summary>
    RitualReminder,

    /// <summary>A monthly ritual is tomorrow: sent the day before, at the ritual's own local time.</summary>
    RitualDayBefore,

    /// <summary>A talk both accepted is coming up: sent a little before its time (per talk and partner).</summary>
    TalkComingUp,

    /// <summary>Your partner called a time-out: sent to the other partner at once, in the app's words only.</summary>
    TimeOutNotice,

    /// <summary>A time-out's return time has come: sent to both partners (per time-out).</summary>
    TimeOutReturn,

    /// <summary>The return time of a time-out that was extended (its first return reminder is then skipped).</summary>
    TimeOutReturnExtended,

    /// <summary>The partner left the couple: a one-off notice to the other, at once or after a quiet leave's delay. Not a switch: it always goes.</summary>
    PartnerLeft,

    /// <summary>Time for this week's emotional temperature: on the day and at the time each person picks (default Sunday 19:00).</summary>
    WeeklyTemperature,
}

/// <summary>
/// One person's email reminder choices. Times are wall-clock times in their own time zone. Every account has its row
/// from the moment it is created, so a reader never has to guess them.
/// </summary>
public sealed class ReminderPreferences
{
    private ReminderPreferences()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public bool QuestionReminderOn { get; private set; } = true;

    public TimeOnly QuestionReminderAt { get; private set; } = LocalTimeOfDay.MorningDefault.Value;

    public bool GratitudeReminderOn { get; private set; } = true;

    public TimeOnly GratitudeReminderAt { get; private set; } = LocalTimeOfDay.EveningDefault.Value;

    public bool PartnerActivityOn { get; private set; } = true;

    /// <summary>Opt-in: a Sunday-evening email with the week's counts and one highlight.</summary>
    public bool WeeklySummaryOn { get; private set; }

    /// <summary>Opt-in: the weekly highlight may quote what the partner wrote, and only when both partners said yes.</summary>
    public bool ShareHighlightText { get; private set; }

    /// <summary>A short email before a talk both agreed on; on unless turned off by its unsubscribe link.</summary>
    public bool TalkRemindersOn { get; private set; } = true;

    /// <summary>Time-out emails (the notice and the return reminders): on by default, one switch for all three (docs/adr/0032).</summary>
    public bool TimeOutEmailsOn { get; private set; } = true;

    /// <summary>The weekly temperature question: on by default, on the day and at the local time the person picks.</summary>
    public bool WeeklyTemperatureOn { get; private set; } = true;

    public DayOfWeek WeeklyTemperatureDay { get; private set; } = DayOfWeek.Sunday;

    public TimeOnly WeeklyTemperatureAt { get; private set; } = new(19, 0);

    public static bool IsTimeOutKind(ReminderKind kind) => kind is ReminderKind.TimeOutNotice or ReminderKind.TimeOutReturn or ReminderKind.TimeOutReturnExtended;

    /// <summary>The weekly summary goes out on Sunday at this local time.</summary>
    public static LocalTimeOfDay WeeklySummaryAt { get; } = LocalTimeOfDay.From(new TimeOnly(19, 0));

    /// <summary>The day a weekly kind is sent on; null for daily kinds.</summary>
    public static DayOfWeek? WeekdayOf(ReminderKind kind) => kind == ReminderKind.WeeklySummary ? DayOfWeek.Sunday : null;

    /// <summary>The day a weekly kind is sent on for this person (the temperature's is their own choice); null for daily kinds.</summary>
    public DayOfWeek? DayOf(ReminderKind kind) => kind == ReminderKind.WeeklyTemperature ? WeeklyTemperatureDay : WeekdayOf(kind);

    public void ChangeWeeklyTemperature(bool on, DayOfWeek day, LocalTimeOfDay at)
    {
        WeeklyTemperatureOn = on;
        WeeklyTemperatureDay = day;
        WeeklyTemperatureAt = at.Value;
    }

    /// <summary>A new account's choices: the one place the defaults are written (the table's column defaults come from here).</summary>
    public static ReminderPreferences DefaultsFor(string userId) => new() { UserId = userId };

    public void ChangeWeeklySummary(bool on, bool shareHighlightText)
    {
        WeeklySummaryOn = on;
        ShareHighlightText = shareHighlightText;
    }

    /// <summary>The harder-days emails: reminders before a talk, and the time-out notice and return reminders.</summary>
    public void ChangeHardDayEmails(bool talkRemindersOn, bool timeOutEmailsOn)
    {
        TalkRemindersOn = talkRemindersOn;
        TimeOutEmailsOn = timeOutEmailsOn;
    }

    public void Change(bool questionOn, LocalTimeOfDay questionAt, bool gratitudeOn, LocalTimeOfDay gratitudeAt, bool partnerActivityOn)
    {
        QuestionReminderOn = questionOn;
        QuestionReminderAt = questionAt.Value;
        GratitudeReminderOn = gratitudeOn;
        GratitudeReminderAt = gratitudeAt.Value;
        PartnerActivityOn = partnerActivityOn;
    }

    /// <summary>Turns off exactly one kind (one-click unsubscribe).</summary>
    public void TurnOff(ReminderKind kind) => Set(kind, false);

    /// <summary>Turns one kind back on (the unsubscribe page's undo).</summary>
    public void TurnOn(ReminderKind kind) => Set(kind, true);

    public bool IsOn(ReminderKind kind) => kind switch
    {
        ReminderKind.DailyQuestion => QuestionReminderOn,
        ReminderKind.EveningGratitude => GratitudeReminderOn,
        ReminderKind.PartnerActivity => PartnerActivityOn,
        ReminderKind.WeeklySummary => WeeklySummaryOn,
        ReminderKind.TalkComingUp => TalkRemindersOn,
        _ when IsTimeOutKind(kind) => TimeOutEmailsOn,
        ReminderKind.PartnerLeft => true,
        ReminderKind.WeeklyTemperature => WeeklyTemperatureOn,
        _ => false,
    };

    private void Set(ReminderKind kind, bool on)
    {
        switch (kind)
        {
            case ReminderKind.DailyQuestion:
                QuestionReminderOn = on;
                break;
            case ReminderKind.EveningGratitude:
                GratitudeReminderOn = on;
                break;
            case ReminderKind.PartnerActivity:
                PartnerActivityOn = on;
                break;
            case ReminderKind.WeeklySummary:
                WeeklySummaryOn = on;
                break;
            case ReminderKind.TalkComingUp:
                TalkRemindersOn = on;
                break;
            case var _ when IsTimeOutKind(kind):
                TimeOutEmailsOn = on;
                break;
            case ReminderKind.WeeklyTemperature:
                WeeklyTemperatureOn = on;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a reminder kind.");
        }
    }

    /// <summary>The scheduled kinds that are on (weekly ones on <see cref="DayOf"/>), with their local times (partner activity is sent on events instead).</summary>
    public IEnumerable<(ReminderKind Kind, LocalTimeOfDay At)> ScheduledKinds()
    {
        if (QuestionReminderOn)
        {
            yield return (ReminderKind.DailyQuestion, LocalTimeOfDay.From(QuestionReminderAt));
        }

        if (GratitudeReminderOn)
        {
            yield return (ReminderKind.EveningGratitude, LocalTimeOfDay.From(GratitudeReminderAt));
        }

        if (WeeklySummaryOn)
        {
            yield return (ReminderKind.WeeklySummary, WeeklySummaryAt);
        }

        if (WeeklyTemperatureOn)
        {
            yield return (ReminderKind.WeeklyTemperature, LocalTimeOfDay.From(WeeklyTemperatureAt));
        }
    }
}

/// <summary>The one row per (person, kind) the dispatcher looks at: when that reminder is next due, in UTC.</summary>
public sealed class ReminderSchedule
{
    private ReminderSchedule()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public ReminderKind Kind { get; private set; }

    public DateTimeOffset NextDueUtc { get; private set; }

    public static ReminderSchedule For(string userId, ReminderKind kind, DateTimeOffset nextDueUtc) =>
        new() { UserId = userId, Kind = kind, NextDueUtc = nextDueUtc };

    public void MoveTo(DateTimeOffset nextDueUtc) => NextDueUtc = nextDueUtc;
}
