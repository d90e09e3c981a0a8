using CoupleConnect.Domain.CheckIns;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>One day's question as the signed-in partner may see it. The partner's text is present only after the reveal.</summary>
public sealed record CheckInDay(
    DateOnly Day,
    bool IsToday,
    bool IsOpen,
    string QuestionText,
    QuestionCategory Category,
    int QuestionId,
    SwapStatus Swap,
    string PartnerName,
    string? MyAnswer,
    bool PartnerHasAnswered,
    bool IsRevealed,
    RevealedAnswers? Revealed)
{
    public CheckInState State => IsRevealed ? CheckInState.Revealed
        : MyAnswer is not null ? CheckInState.WaitingForPartner
        : CheckInState.NotAnswered;
}

/// <summary>Whether today's question can still be swapped (once a day for the couple, before anyone answers).</summary>
public enum SwapStatus
{
    NotToday,
    Available,
    AlreadySwapped,
    AlreadyAnswered,
}

public enum CheckInState
{
    NotAnswered,
    WaitingForPartner,
    Revealed,
}

/// <summary>
/// Both answers after the reveal, with the reflect-back loop in both directions. Words their author removed are null,
/// and the matching "Removed" flag says so, so a reply that depended on them can show a small line instead.
/// </summary>
public sealed record RevealedAnswers(
    string? PartnerAnswer,
    bool IHeartedPartnersAnswer,
    bool PartnerHeartedMyAnswer,
    string? MyReflectionOnPartner,
    ReflectionVerdict? PartnersVerdictOnMyReflection,
    string? PartnersClarification,
    string? PartnersReflectionOnMe,
    ReflectionVerdict? MyVerdictOnPartnersReflection,
    string? MyClarification)
{
    public bool MyAnswerRemoved { get; init; }

    /// <summary>I removed the reflection I wrote on the partner's answer.</summary>
    public bool MyReflectionRemoved { get; init; }

    /// <summary>The partner removed the reflection they wrote on my answer.</summary>
    public bool PartnersReflectionRemoved { get; init; }
}

public sealed record CheckInHistory(IReadOnlyList<CheckInDay> Days, int Page, bool HasMore);
