namespace CoupleConnect.Domain.SessionSummaries;

public enum SessionSummaryRule
{
    NotInThisCouple,
    OneAtATime,
    RangeBackwards,
    RangeInTheFuture,
    RangeTooLong,
    NotYoursToAnswer,
    NotWaitingForAnAnswer,
    NoLongerAvailable,
    TooManyEntries,
    NotYourEntry,
}

/// <summary>A refused summary action. Messages are safe to show and never contain anything either partner wrote.</summary>
public sealed class SessionSummaryRuleException(SessionSummaryRule rule) : Exception(MessageFor(rule))
{
    public SessionSummaryRule Rule { get; } = rule;

    public static string MessageFor(SessionSummaryRule rule) => rule switch
    {
        SessionSummaryRule.NotInThisCouple => "This summary isn't one of yours.",
        SessionSummaryRule.OneAtATime => "There's already a summary waiting or open. Withdraw it first to propose another.",
        SessionSummaryRule.RangeBackwards => "The first day must be on or before the last day.",
        SessionSummaryRule.RangeInTheFuture => "The last day can't be later than today.",
        SessionSummaryRule.RangeTooLong => $"Please choose at most {SessionSummary.LongestRangeDays} days.",
        SessionSummaryRule.NotYoursToAnswer => "Your partner is the one to accept or decline this summary.",
        SessionSummaryRule.NotWaitingForAnAnswer => "This summary has already been answered.",
        SessionSummaryRule.NoLongerAvailable => "This summary has been withdrawn or has expired. Nothing of it is kept.",
        SessionSummaryRule.TooManyEntries => $"Please tick at most {SessionSummary.MostEntriesEach} of your entries.",
        SessionSummaryRule.NotYourEntry => "You can only choose your own entries.",
        _ => "That didn't work. Nothing was changed.",
    };
}
