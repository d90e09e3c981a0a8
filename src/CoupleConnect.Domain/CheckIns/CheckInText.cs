using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.CheckIns;

/// <summary>Free text a partner writes in a check-in (an answer, a reflection, a clarification), validated once.</summary>
public sealed record CheckInText
{
    public const int AnswerMaxLength = 2000;
    public const int ReflectionMaxLength = 1000;

    private CheckInText(string value) => Value = value;

    public string Value { get; }

    /// <summary>Keeps what was typed (trimmed at the ends only), under the rules of <see cref="WrittenText"/>.</summary>
    public static bool TryParse(string? value, int maxLength, string what, out CheckInText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, maxLength, what);
        text = problem is null ? new CheckInText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}
