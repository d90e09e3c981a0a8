using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Couples;

/// <summary>The couple's own name, "Alex & Sam" by default.</summary>
public sealed record CoupleName
{
    public const int MaxLength = 60;

    private CoupleName(string value) => Value = value;

    public string Value { get; }

    public static CoupleName Default(string first, string second) => new(Truncate($"{first} & {second}"));

    public static bool TryParse(string? value, out CoupleName? name, out string? problem)
    {
        name = null;
        var trimmed = value?.Trim() ?? string.Empty;
        problem = trimmed switch
        {
            { Length: 0 } => "Please give your couple a name, such as \"Alex & Sam\".",
            { Length: > MaxLength } => $"Please keep the couple name to {MaxLength} characters or fewer (this one has {trimmed.Length}).",
            _ when trimmed.IndexOfAny(['<', '>']) >= 0 => "A couple name can't contain < or >.",
            _ when VisibleText.HasInvisibleOrControl(trimmed) => "A couple name can't contain line breaks, control or invisible characters.",
            _ => null,
        };

        if (problem is null)
        {
            name = new CoupleName(trimmed);
        }

        return problem is null;
    }

    public override string ToString() => Value;

    // Two 40-character names can exceed the limit; the default then stays readable rather than failing.
    private static string Truncate(string name) => VisibleText.Shorten(name, MaxLength);
}
