namespace CoupleConnect.Domain.Needs;

public enum NeedRule
{
    NotYours,
    OwnNeed,
    TakenOff,
    ListFull,
}

/// <summary>A refused change to a need. Messages are safe to show and never contain anyone's words.</summary>
public sealed class NeedRuleException(NeedRule rule) : Exception(MessageFor(rule))
{
    public NeedRule Rule { get; } = rule;

    public static string MessageFor(NeedRule rule) => rule switch
    {
        NeedRule.NotYours => "Only the partner who wrote this need can change it.",
        NeedRule.OwnNeed => "This is your own need: your partner is the one who can try it.",
        NeedRule.TakenOff => "This need is off the list now, so it can't be changed or tried.",
        NeedRule.ListFull => $"Your list already has {Need.MaxOnList} needs. Take one off before adding another: a short list is easier to act on.",
        _ => "That didn't work. Nothing was changed.",
    };
}
