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
