namespace CoupleConnect.Domain.Goals;

public enum GoalRule
{
    TooManyActive,
    NotActive,
    NotYours,
    UnknownRhythm,
}

/// <summary>A refused change to a goal. Messages are safe to show and never contain anyone's words.</summary>
public sealed class GoalRuleException(GoalRule rule) : Exception(MessageFor(rule))
{
    public GoalRule Rule { get; } = rule;

    public static string MessageFor(GoalRule rule) => rule switch
    {
        GoalRule.TooManyActive => $"You already have {Goal.MaxActive} goals. Let one go or mark one done before adding another: a few goals are easier to keep than many.",
        GoalRule.NotActive => "This goal has ended, so it can't be changed or checked in on. It stays in your history.",
        GoalRule.NotYours => "Only the partner who wrote this check-in can delete it.",
        GoalRule.UnknownRhythm => "Please pick weekly, monthly or no set rhythm for check-ins.",
        _ => "That didn't work. Nothing was changed.",
    };
}
