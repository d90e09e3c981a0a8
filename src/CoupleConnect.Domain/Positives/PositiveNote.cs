using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Positives;

/// <summary>What a partner wrote about a positive or in tonight's gratitude, validated once. Stored encrypted.</summary>
public sealed record PositiveNote
{
    public const int MaxLength = 500;

    private PositiveNote(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, string what, out PositiveNote? note, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, what);
        note = problem is null ? new PositiveNote(trimmed) : null;
        return problem is null;
    }

    /// <summary>A note that may be left out: blank means none; anything else follows the usual rules.</summary>
    public static bool TryParseOptional(string? value, string what, out PositiveNote? note, out string? problem)
    {
        if (WrittenText.IsBlank(value))
        {
            note = null;
            problem = null;
            return true;
        }

        return TryParse(value, what, out note, out problem);
    }

    public override string ToString() => Value;
}
