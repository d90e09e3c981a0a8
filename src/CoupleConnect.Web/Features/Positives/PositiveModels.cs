using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>The "log a positive" form: a kind (required), an optional note, the day (today when left empty).</summary>
public sealed class PositiveInput
{
    public PositiveKind? Kind { get; set; }

    public string? Note { get; set; }

    public DateOnly? Day { get; set; }
}

/// <summary>One positive or gratitude entry as a partner sees it; <see cref="ByMe"/> tells which way it goes.</summary>
public sealed record PositiveView(
    Guid Id,
    PositiveKind Kind,
    string? Note,
    DateOnly Day,
    bool IsEveningGratitude,
    bool ByMe,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    DateOnly? HeartOnQuestionOf = null)
{
    /// <summary>Only the partner it is about can say it meant a lot, once.</summary>
    public bool CanAcknowledge => !ByMe && AcknowledgedAt is null;
}

/// <summary>How each kind reads in the app, in our words.</summary>
public static class PositiveKindNames
{
    public static string Of(PositiveKind kind) => kind switch
    {
        PositiveKind.SupportiveGesture => "Supportive gesture",
        PositiveKind.KindWord => "Kind word or tone",
        PositiveKind.Gratitude => "Gratitude",
        PositiveKind.Help => "Help",
        PositiveKind.Affection => "Affection",
        PositiveKind.QualityTime => "Quality time",
        PositiveKind.Other => "Something else",
        _ => "Something else",
    };
}
