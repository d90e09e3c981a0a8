namespace CoupleConnect.Domain.Story;

/// <summary>A gentle start for a moment. <see cref="HardTime"/> prompts tick "a hard time we got through together".</summary>
public sealed record StoryPrompt(string Key, string Title, bool HardTime = false);

/// <summary>
/// Prompts that lean toward how the couple work together, look after each other and what they are for: the stories
/// couples tell of themselves as a team are the ones that help them through the next hard time.
/// </summary>
public static class StoryPrompts
{
    public static readonly IReadOnlyList<StoryPrompt> All =
    [
        new("met", "How we found each other"),
        new("team", "A time we surprised ourselves as a team"),
        new("care", "When one of us really looked after the other"),
        new("hard", "A hard time we got through together", HardTime: true),
        new("ours", "A small habit that became ours"),
        new("chose", "Something we chose on purpose, together"),
        new("next", "What we're building next"),
    ];
}
