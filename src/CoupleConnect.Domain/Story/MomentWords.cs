using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Story;

/// <summary>
/// What a partner writes for one moment of the couple's story, validated once: a title, the day it happened (or a best
/// guess, which orders the page), an optional rough time in words ("summer 2019") shown instead of the day, a few lines,
/// and whether it was a hard time they got through together. The words are stored encrypted.
/// </summary>
public sealed record MomentWords
{
    public const int TitleMaxLength = 120;

    public const int RoughTimeMaxLength = 40;

    public const int TextMaxLength = 1500;

    /// <summary>Far enough back for a couple who met long ago, far enough ahead for "what we're building next".</summary>
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);

    public const int YearsAhead = 10;

    private MomentWords(string title, DateOnly day, string? roughTime, string? text, bool hardTime) =>
        (Title, Day, RoughTime, Text, HardTime) = (title, day, roughTime, text, hardTime);

    public string Title { get; }

    public DateOnly Day { get; }

    public string? RoughTime { get; }

    public string? Text { get; }

    public bool HardTime { get; }

    /// <summary>Null problem when the words can be saved; <paramref name="today"/> is the writer's local date.</summary>
    public static bool TryParse(string? title, DateOnly? day, string? roughTime, string? text, bool hardTime, DateOnly today, out MomentWords? words, out string? problem)
    {
        words = null;
        var trimmedTitle = title?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmedTitle, TitleMaxLength, "title");
        if (problem is not null)
        {
            return false;
        }

        if (day is not { } when)
        {
            problem = "Please pick a day for this moment. A best guess is fine: you can say it roughly too, like \"summer 2019\".";
            return false;
        }

        if (when < EarliestDay || when > today.AddYears(YearsAhead))
        {
            problem = $"Please pick a day between {EarliestDay.Year} and {today.AddYears(YearsAhead).Year}.";
            return false;
        }

        var rough = Optional(roughTime, RoughTimeMaxLength, "rough time", ref problem);
        var lines = Optional(text, TextMaxLength, "few lines", ref problem);
        if (problem is not null)
        {
            return false;
        }

        words = new MomentWords(trimmedTitle, when, rough, lines, hardTime);
        return true;
    }

    /// <summary>Empty optional text is simply absent; anything written must pass the same rule as every other text.</summary>
    private static string? Optional(string? value, int maxLength, string what, ref string? problem)
    {
        if (problem is not null || WrittenText.IsBlank(value))
        {
            return null;
        }

        var trimmed = value!.Trim();
        problem = WrittenText.ProblemWith(trimmed, maxLength, what);
        return problem is null ? trimmed : null;
    }
}

/// <summary>A partner's side of a moment the other wrote: "how I remember it". Stored encrypted.</summary>
public sealed record SideText
{
    public const int MaxLength = 1500;

    private SideText(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out SideText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, "side of the story");
        text = problem is null ? new SideText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}
