using System.Globalization;
using System.Text;
using CoupleConnect.Domain.Accounts;

namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>
/// A person's name as it may appear in an email someone else receives (subject, heading, button): plain text on one
/// line, no control or invisible characters, no markup, at most a display name's length. Names are checked when they
/// are saved; this holds even for a row that was never checked, since a subject is a header.
/// </summary>
public static class EmailName
{
    public static string Plain(string? name, string fallback = "Your partner")
    {
        var text = new StringBuilder();
        foreach (var rune in (name ?? string.Empty).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var invisible = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
            var keep = !invisible && rune.Value is not ('<' or '>');
            if (keep && !Rune.IsWhiteSpace(rune))
            {
                text.Append(rune.ToString());
            }
            else if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        var plain = text.ToString().Trim();
        if (plain.Length > DisplayName.MaxLength)
        {
            plain = plain[..DisplayName.MaxLength].TrimEnd();
        }

        return plain.Length == 0 ? fallback : plain;
    }
}
