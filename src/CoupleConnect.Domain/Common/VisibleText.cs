using System.Globalization;

namespace CoupleConnect.Domain.Common;

/// <summary>Rules for short names people see (display names, couple names): nothing invisible that could disguise them.</summary>
public static class VisibleText
{
    // Joiners stay allowed: ZWJ builds emoji such as 👩‍❤️‍👨 and ZWNJ is part of Persian spelling. Other invisible
    // format characters (zero-width space, bidi overrides) could disguise a name, so they are refused.
    private const char ZeroWidthJoiner = '\u200D';
    private const char ZeroWidthNonJoiner = '\u200C';

    public static bool HasInvisibleOrControl(string text) => text.Any(IsInvisibleOrControl);

    public static bool IsInvisibleOrControl(char c) =>
        c is not (ZeroWidthJoiner or ZeroWidthNonJoiner)
        && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Shortens to at most <paramref name="maxLength"/> UTF-16 units ending in "…", never splitting a surrogate pair.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
