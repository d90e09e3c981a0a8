using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Rituals;

/// <summary>A ritual's short name ("Date night"), shown in lists, emails and phone calendars.</summary>
public sealed record RitualName
{
    public const int MaxLength = 80;

    private RitualName(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out RitualName? name, out string? problem)
    {
        name = null;
        var trimmed = value?.Trim() ?? string.Empty;
        problem = trimmed switch
        {
            _ when WrittenText.IsBlank(trimmed) => "Please give the ritual a name, such as \"Date night\".",
            { Length: > MaxLength } => $"Please keep the name to {MaxLength} characters or fewer (this one has {trimmed.Length}).",
            _ when trimmed.IndexOfAny(['<', '>']) >= 0 => "A ritual name can't contain < or >.",
            _ when VisibleText.HasInvisibleOrControl(trimmed) => "A ritual name can't contain line breaks, control or invisible characters.",
            _ => null,
        };

        if (problem is null)
        {
            name = new RitualName(trimmed);
        }

        return problem is null;
    }

    public override string ToString() => Value;
}
