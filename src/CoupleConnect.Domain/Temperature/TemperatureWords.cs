using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Temperature;

/// <summary>How connected a partner felt this week, from 1 (far apart) to 10 (very close).</summary>
public sealed record ConnectedScore
{
    public const int Lowest = 1;
    public const int Highest = 10;

    private ConnectedScore(int value) => Value = value;

    public int Value { get; }

    public static bool TryParse(int? value, out ConnectedScore? score, out string? problem)
    {
        problem = value is >= Lowest and <= Highest ? null : $"Please pick how connected you felt, from {Lowest} to {Highest}.";
        score = problem is null ? new ConnectedScore(value!.Value) : null;
        return problem is null;
    }
}

/// <summary>A week's answer, validated once: the score, one small gain and one wish. Both texts are stored encrypted.</summary>
public sealed record TemperatureWords(ConnectedScore Connected, TemperatureText Gain, TemperatureText Wish)
{
    /// <summary>Null problems when all three are fine; otherwise the first problem, said plainly.</summary>
    public static bool TryParse(int? connected, string? gain, string? wish, out TemperatureWords? words, out string? problem)
    {
        words = null;
        if (!ConnectedScore.TryParse(connected, out var score, out problem)
            || !TemperatureText.TryParse(gain, "small gain", out var parsedGain, out problem)
            || !TemperatureText.TryParse(wish, "wish for next week", out var parsedWish, out problem))
        {
            return false;
        }

        words = new TemperatureWords(score!, parsedGain!, parsedWish!);
        return true;
    }
}

/// <summary>A small gain or a wish: a sentence or two, short enough to read at a glance on a phone.</summary>
public sealed record TemperatureText
{
    public const int MaxLength = 280;

    private TemperatureText(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? value, string what, out TemperatureText? text, out string? problem)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        problem = WrittenText.ProblemWith(trimmed, MaxLength, what);
        text = problem is null ? new TemperatureText(trimmed) : null;
        return problem is null;
    }

    public override string ToString() => Value;
}
