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
    /// <summary>Both answered on a day that reveals together; the answers open once both tapped "Reveal" (docs/adr/0036).</summary>
    public bool WaitingForReveal { get; init; }

    public bool ITappedReveal { get; init; }

    public bool PartnerTappedReveal { get; init; }

    /// <summary>I answered in private mode and both have answered: the answers open for both of us at this moment.</summary>
    public DateTimeOffset? OpensForBothAt { get; init; }

    public CheckInState State => IsRevealed ? CheckInState.Revealed
        : WaitingForReveal ? CheckInState.WaitingForReveal
        : OpensForBothAt is not null ? CheckInState.OpensInTheMorning
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

    /// <summary>Both answered; the couple reveals together and at least one hasn't tapped "Reveal".</summary>
    WaitingForReveal,

    /// <summary>Both answered; I answered in private mode, so the answers open for both of us next morning.</summary>
    OpensInTheMorning,
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
