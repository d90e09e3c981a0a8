using System.Globalization;

namespace CoupleConnect.Domain.Accounts;

/// <summary>The name a partner sees ("Alex"). Validated once here so nothing downstream re-checks it.</summary>
public sealed record DisplayName
{
    public const int MaxLength = 40;

    private DisplayName(string value) => Value = value;

    public string Value { get; }

    public static DisplayNameCheck Check(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return DisplayNameCheck.Fail("Please tell us what your partner calls you.");
        }

        if (trimmed.Length > MaxLength)
        {
            return DisplayNameCheck.Fail($"Please keep your name to {MaxLength} characters or fewer (this one has {trimmed.Length}).");
        }

        if (trimmed.IndexOfAny(['<', '>']) >= 0)
        {
            return DisplayNameCheck.Fail("A name can't contain < or >.");
        }

        if (trimmed.Any(IsInvisibleOrControl))
        {
            return DisplayNameCheck.Fail("A name can't contain control or invisible characters.");
        }

        return DisplayNameCheck.Ok(new DisplayName(trimmed));
    }

    public static DisplayName Parse(string value) =>
        Check(value) is { Name: { } name } ? name : throw new ArgumentException(Check(value).Error, nameof(value));

    public override string ToString() => Value;

    // Joiners stay allowed: ZWJ builds emoji such as 👩‍❤️‍👨 and ZWNJ is part of Persian spelling. Other invisible
    // format characters (zero-width space, bidi overrides) could disguise a name, so they are refused.
    private const char ZeroWidthJoiner = '\u200D';
    private const char ZeroWidthNonJoiner = '\u200C';

    private static bool IsInvisibleOrControl(char c) =>
        c is not (ZeroWidthJoiner or ZeroWidthNonJoiner)
        && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

public sealed record DisplayNameCheck(DisplayName? Name, string? Error)
{
    public bool IsValid => Name is not null;

    internal static DisplayNameCheck Ok(DisplayName name) => new(name, null);

    internal static DisplayNameCheck Fail(string error) => new(null, error);
}
