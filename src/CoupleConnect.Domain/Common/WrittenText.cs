using System.Globalization;

namespace CoupleConnect.Domain.Common;

/// <summary>The one rule for free text a partner writes (answers, notes, gratitude): what is refused, and why.</summary>
public static class WrittenText
{
    /// <summary>
    /// Null when <paramref name="trimmed"/> is acceptable. Refuses text that is empty once invisible characters are
    /// ignored, text over <paramref name="maxLength"/>, and bidi override characters that can make text read differently
    /// than it is, and control characters other than tabs and line breaks (NUL and the like: PostgreSQL text can't hold
    /// NUL, and none of them shows as anything). Right-to-left scripts themselves are welcome.
    /// </summary>
    public static string? ProblemWith(string trimmed, int maxLength, string what) => trimmed switch
    {
        _ when IsBlank(trimmed) => $"Please write your {what} first.",
        { Length: var length } when length > maxLength
            => string.Create(CultureInfo.InvariantCulture, $"Please keep your {what} to {maxLength:N0} characters (this one has {length:N0}). Nothing was saved; shorten it and try again."),
        _ when trimmed.Any(IsBidiOverride)
            => $"Your {what} contains invisible direction-control characters (often pasted from elsewhere). Please remove them and try again.",
        _ when trimmed.Any(IsControlOtherThanLayout)
            => $"Your {what} contains invisible control characters (often pasted from elsewhere). Please remove them and try again.",
        _ => null,
    };

    /// <summary>Nothing a reader could see: whitespace, control and zero-width characters only.</summary>
    public static bool IsBlank(string? value) =>
        (value ?? string.Empty).All(c => char.IsWhiteSpace(c) || VisibleText.IsInvisibleOrControl(c) || c is '\u200D' or '\u200C' or '\uFEFF');

    private static bool IsControlOtherThanLayout(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    // LRE, RLE, PDF, LRO, RLO and the isolates: they reorder what is displayed without being visible themselves.
    private static bool IsBidiOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
