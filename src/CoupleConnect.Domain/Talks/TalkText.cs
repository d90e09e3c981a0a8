using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Talks;

/// <summary>What partners write in a talk (the topic, what the speaker says, a reflection, one thing to try), validated once.</summary>
public sealed record TalkText
{
    public const int TopicMaxLength = 80;

    public const int SaidMaxLength = 1500;

    public const int ReflectionMaxLength = 1000;

    public const int ClarificationMaxLength = 500;

    public const int NextStepMaxLength = 200;

    private TalkText(string value) => Value = value;

    public string Value { get; }

    /// <summary>Keeps what was typed (trimmed at the ends only), under the rules of <see cref="WrittenText"/>.</summary>
    public static bool TryParse(string? value, int maxLength, string what, out TalkText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, maxLength, what);
        text = problem is null ? new TalkText(trimmed) : null;
        return problem is null;
    }

    /// <summary>A topic is one line of a few words: no line breaks or invisible characters, as it shows in lists.</summary>
    public static bool TryParseTopic(string? value, out TalkText? topic, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, TopicMaxLength, "topic");
        if (problem is null && VisibleText.HasInvisibleOrControl(trimmed))
        {
            problem = "Please keep the topic to one line, without control or invisible characters.";
        }

        topic = problem is null ? new TalkText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}
