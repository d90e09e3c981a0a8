namespace CoupleConnect.Domain.Story;

public enum StoryRule
{
    NotYours,
    OwnMoment,
    Removed,
}

/// <summary>A refused change to the story. Messages are safe to show and never contain anyone's words.</summary>
public sealed class StoryRuleException(StoryRule rule) : Exception(MessageFor(rule))
{
    public StoryRule Rule { get; } = rule;

    public static string MessageFor(StoryRule rule) => rule switch
    {
        StoryRule.NotYours => "Only the one who wrote these words can change or remove them.",
        StoryRule.OwnMoment => "This is your own moment: your partner is the one who can add how they remember it.",
        StoryRule.Removed => "Its writer took this moment's words back, so it can't be changed or added to.",
        _ => "That didn't work. Nothing was changed.",
    };
}
