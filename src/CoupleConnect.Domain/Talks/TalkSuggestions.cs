namespace CoupleConnect.Domain.Talks;

/// <summary>Topics worded as the two of you against a problem, never one against the other: offered, never required.</summary>
public static class TalkSuggestions
{
    public static IReadOnlyList<string> Topics { get; } =
    [
        "How we share the evenings",
        "How we split the chores",
        "Finding time for just us",
        "How we handle money together",
        "Our weekends and who we see",
        "Winding down after long days",
    ];

    /// <summary>The shared intent the talk page opens with.</summary>
    public const string SharedIntent = "We want to understand each other better.";
}
