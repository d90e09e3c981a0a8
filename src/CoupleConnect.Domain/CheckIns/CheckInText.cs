using System.Globalization;
using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.CheckIns;

/// <summary>Free text a partner writes in a check-in (an answer, a reflection, a clarification), validated once.</summary>
public sealed record CheckInText
{
    public const int AnswerMaxLength = 2000;
    public const int ReflectionMaxLength = 1000;

    private CheckInText(string value) => Value = value;

    public string Value { get; }

    /// <summary>
    /// Keeps what was typed (trimmed at the ends only). Refuses text that is empty once invisible characters are ignored,
    /// text over <paramref name="maxLength"/>, and bidi override characters that can make text read differently than it is.
    /// Right-to-left scripts themselves are welcome.
    /// </summary>
    public static bool TryParse(string? value, int maxLength, string what, out CheckInText? text, out string? problem)
    {
        text = null;
        var trimmed = value?.Trim() ?? string.Empty;
        problem = trimmed switch
        {
            _ when trimmed.All(c => char.IsWhiteSpace(c) || VisibleText.IsInvisibleOrControl(c) || c is '\u200D' or '\u200C' or '\uFEFF')
                => $"Please write your {what} first.",
            { Length: var length } when length > maxLength
                => string.Create(CultureInfo.InvariantCulture, $"Please keep your {what} to {maxLength:N0} characters (this one has {length:N0}). Nothing was saved; shorten it and try again."),
            _ when trimmed.Any(IsBidiOverride)
                => $"Your {what} contains invisible direction-control characters (often pasted from elsewhere). Please remove them and try again.",
            _ => null,
        };

        if (problem is null)
        {
            text = new CheckInText(trimmed);
        }

        return problem is null;
    }

    public override string ToString() => Value;

    // LRE, RLE, PDF, LRO, RLO and the isolates: they reorder what is displayed without being visible themselves.
    private static bool IsBidiOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
