namespace CoupleConnect.Domain.Temperature;

public enum TemperatureRule
{
    NotYours,
    AlreadyRevealed,
}

/// <summary>A refused change to a weekly answer. Messages are safe to show and never contain anyone's words.</summary>
public sealed class TemperatureRuleException(TemperatureRule rule) : Exception(MessageFor(rule))
{
    public TemperatureRule Rule { get; } = rule;

    public static string MessageFor(TemperatureRule rule) => rule switch
    {
        TemperatureRule.NotYours => "Only the partner who wrote this answer can change it.",
        TemperatureRule.AlreadyRevealed => "You've both answered this week, so your answers are shared now and stay as they are. Next week is a new one.",
        _ => "That didn't work. Nothing was changed.",
    };
}
