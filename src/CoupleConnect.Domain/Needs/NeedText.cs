using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Needs;

/// <summary>What a partner wrote as a need ("I feel … when we …"), validated once. Stored encrypted.</summary>
public sealed record NeedText
{
    /// <summary>One sentence or two: short enough to read at a glance on a phone.</summary>
    public const int MaxLength = 280;

    private NeedText(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out NeedText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, "need");
        text = problem is null ? new NeedText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}

/// <summary>A partner's short answer in the monthly reflection: how trying one need went.</summary>
public sealed record NeedAnswerText
{
    public const int MaxLength = 500;

    private NeedAnswerText(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out NeedAnswerText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, "answer");
        text = problem is null ? new NeedAnswerText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}
