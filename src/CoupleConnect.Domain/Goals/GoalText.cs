using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Goals;

/// <summary>A goal's short name ("A walk together every Sunday"), validated once. Stored encrypted.</summary>
public sealed record GoalName
{
    /// <summary>Short enough to read at a glance on a phone; the "why" holds the rest.</summary>
    public const int MaxLength = 120;

    private GoalName(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out GoalName? name, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, "goal's name");
        name = problem is null ? new GoalName(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}

/// <summary>Why a goal matters to the couple: optional, a few lines. Stored encrypted.</summary>
public sealed record GoalWhy
{
    public const int MaxLength = 500;

    private GoalWhy(string value) => Value = value;

    public string Value { get; }

    /// <summary>Empty (or only invisible characters) is fine and means "not written": <paramref name="why"/> is then null.</summary>
    public static bool TryParseOptional(string? value, out GoalWhy? why, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (WrittenText.IsBlank(trimmed))
        {
            (why, problem) = (null, null);
            return true;
        }

        problem = WrittenText.ProblemWith(trimmed, MaxLength, "words on why it matters");
        why = problem is null ? new GoalWhy(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}

/// <summary>A progress note (a check-in) on a goal: how it is going, in a line or two. Stored encrypted.</summary>
public sealed record GoalNoteText
{
    public const int MaxLength = 500;

    private GoalNoteText(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out GoalNoteText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, "check-in");
        text = problem is null ? new GoalNoteText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}
