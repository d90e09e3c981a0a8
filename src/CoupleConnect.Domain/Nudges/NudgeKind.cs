namespace CoupleConnect.Domain.Nudges;

/// <summary>The kinds of email nudge a person can turn on or off, each with its own schedule row.</summary>
public enum NudgeKind
{
    DailyQuestion,
    EveningGratitude,
    PartnerActivity,
    WeeklySummary,
}
