using CoupleConnect.Domain.Common;

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

        if (VisibleText.HasInvisibleOrControl(trimmed))
        {
            return DisplayNameCheck.Fail("A name can't contain control or invisible characters.");
        }

        return DisplayNameCheck.Ok(new DisplayName(trimmed));
    }

    public static DisplayName Parse(string value) =>
        Check(value) is { Name: { } name } ? name : throw new ArgumentException(Check(value).Error, nameof(value));

    public override string ToString() => Value;
}

public sealed record DisplayNameCheck(DisplayName? Name, string? Error)
{
    public bool IsValid => Name is not null;

    internal static DisplayNameCheck Ok(DisplayName name) => new(name, null);

    internal static DisplayNameCheck Fail(string error) => new(null, error);
}
