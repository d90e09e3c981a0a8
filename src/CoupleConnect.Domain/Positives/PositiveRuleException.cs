namespace CoupleConnect.Domain.Positives;

public enum PositiveRule
{
    DayInTheFuture,
    DayTooLongAgo,
    OwnEntry,
    NotAboutYou,
    UnknownKind,
    NotYourWords,
    HeartIsTakenBackOnTheAnswer,
}

/// <summary>A refused positive or acknowledgement. Messages are safe to show and never contain anyone's note.</summary>
public sealed class PositiveRuleException(PositiveRule rule) : Exception(MessageFor(rule))
{
    public PositiveRule Rule { get; } = rule;

    public static string MessageFor(PositiveRule rule) => rule switch
    {
        PositiveRule.DayInTheFuture => "That day hasn't happened yet. Pick today or an earlier day.",
        PositiveRule.DayTooLongAgo => $"Positives can be logged for the last {Positive.MaxDaysBack} days. Pick a more recent day.",
        PositiveRule.OwnEntry => "This is your own entry: only your partner can acknowledge it.",
        PositiveRule.NotAboutYou => "Only the partner it's about can acknowledge this.",
        PositiveRule.UnknownKind => "Please choose one of the kinds in the list.",
        PositiveRule.NotYourWords => "Only the person who wrote this can delete it.",
        PositiveRule.HeartIsTakenBackOnTheAnswer => "This is a heart on an answer: tap the heart on that day's question again to take it back.",
        _ => "That didn't work. Nothing was changed.",
    };
}
