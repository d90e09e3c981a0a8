using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Talks;

namespace CoupleConnect.Web.Features.Talks;

/// <summary>A talk in the list: its topic, where it stands, and what the viewer can do about it.</summary>
public sealed record TalkSummary(Guid Id, string Topic, TalkStatus Status, string When, int TimeBoxMinutes, bool AwaitsMyAnswer, int Turns);

/// <summary>One turn as the viewer sees it. Null text with a removed flag means its author took it back.</summary>
public sealed record TurnView(
    Guid Id,
    int Number,
    bool IAmSpeaker,
    string SpeakerName,
    string ListenerName,
    string? Said,
    string? Reflection,
    bool ReflectionRemoved,
    ReflectionVerdict? Verdict,
    string? Clarification,
    int NotQuiteCount)
{
    public bool SaidRemoved => Said is null;
}

/// <summary>Everything the talk page shows, from the viewer's side.</summary>
public sealed record TalkView(
    Guid Id,
    string Topic,
    bool TopicRemoved,
    bool IProposed,
    string MyName,
    string PartnerName,
    TalkStatus Status,
    int TimeBoxMinutes,
    string? When,
    bool StartsNow,
    bool AwaitsMyAnswer,
    bool CanBegin,
    TalkStep Step,
    bool MyMove,
    TimeSpan TimeLeft,
    DateTimeOffset? EndsAt,
    int CompletedTurns,
    IReadOnlyList<TurnView> Turns,
    string? MyNextStep,
    string? PartnerNextStep,
    bool EndedByMe,
    Guid? FollowUpOfId);

/// <summary>The proposal form: a topic, a time box, and now or a local date and time (in the proposer's zone).</summary>
public sealed class TalkProposalForm
{
    public string? Topic { get; set; }

    public int TimeBoxMinutes { get; set; } = 30;

    public bool Now { get; set; }

    /// <summary>"yyyy-MM-dd", as a date input gives it.</summary>
    public string? Day { get; set; }

    /// <summary>"HH:mm", as a time input gives it.</summary>
    public string? Time { get; set; }
}
