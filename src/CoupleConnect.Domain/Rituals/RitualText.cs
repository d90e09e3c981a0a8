using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Rituals;

/// <summary>Free text partners write about a ritual: its description, a note on an occurrence, a reflection.</summary>
public static class RitualText
{
    public const int DescriptionMaxLength = 280;

    public const int NoteMaxLength = 1000;

    public const int WentWellMaxLength = 1000;

    public const int GoalMaxLength = 300;

    /// <summary>An optional description: blank means none; otherwise the written-text rules apply.</summary>
    public static bool TryParseDescription(string? value, out string? description, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        description = null;
        problem = null;
        if (WrittenText.IsBlank(trimmed))
        {
            return true;
        }

        problem = WrittenText.ProblemWith(trimmed, DescriptionMaxLength, "description");
        description = problem is null ? trimmed : null;
        return problem is null;
    }

    /// <summary>Required text (a note someone chose to write, a reflection): the written-text rules.</summary>
    public static bool TryParse(string? value, int maxLength, string what, out string? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, maxLength, what);
        text = problem is null ? trimmed : null;
        return problem is null;
    }
}
