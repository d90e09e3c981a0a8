using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Reminders;

/// <summary>What a person calls one of their devices in the list of those that take notifications.</summary>
public sealed record PushDeviceName
{
    public const int MaxLength = 40;

    private PushDeviceName(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, out PushDeviceName? name, out string? problem)
    {
        name = null;
        var trimmed = value?.Trim() ?? string.Empty;
        problem = trimmed switch
        {
            _ when WrittenText.IsBlank(trimmed) => "Please give this device a name, such as \"My phone\".",
            { Length: > MaxLength } => $"Please keep the name to {MaxLength} characters or fewer (this one has {trimmed.Length}).",
            _ when trimmed.IndexOfAny(['<', '>']) >= 0 => "A device name can't contain < or >.",
            _ when VisibleText.HasInvisibleOrControl(trimmed) => "A device name can't contain line breaks, control or invisible characters.",
            _ => null,
        };

        if (problem is null)
        {
            name = new PushDeviceName(trimmed);
        }

        return problem is null;
    }
}
