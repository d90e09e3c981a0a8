using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Talks;

public enum TalkStatus
{
    /// <summary>Proposed; <see cref="Talk.AwaitingAnswerFromId"/> is the one to accept, suggest another time or decline.</summary>
    Proposed,
    Declined,

    /// <summary>Accepted for a time; either can begin it from a few minutes before.</summary>
    Scheduled,
    Live,
    Ended,

    /// <summary>Called off by either before it began.</summary>
    CalledOff,
}

/// <summary>Whose move it is in a live talk, and what that move is.</summary>
public enum TalkStep
{
    Waiting,
    Speak,
    Reflect,
    Confirm,

    /// <summary>The time box ran out between turns: the talk asks to be ended, not continued.</summary>
    TimeUp,
    Over,
}

/// <summary>
/// A guided talk between the two partners: proposed with a topic, a time box and a time (or now), accepted by the other,
/// then taken in turns (see <see cref="TalkTurn"/>). The proposer speaks first. A turn already under way may finish after
/// the time box runs out, but no new one starts. Either partner may end it at any moment; afterwards each may name one
/// small thing they'll try. Pure rules: the caller says who acts and when.
/// </summary>
public sealed class Talk : ICoupleKeyed
{
    public const int MaxDaysAhead = 60;

    /// <summary>How early before its time a scheduled talk may begin.</summary>
    public static readonly TimeSpan EarlyStart = TimeSpan.FromMinutes(10);

    public static readonly IReadOnlyList<int> TimeBoxes = [15, 30, 45];

    private readonly List<TalkTurn> _turns = [];
    private readonly List<TalkNextStep> _nextSteps = [];

    private Talk()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string ProposedById { get; private set; } = string.Empty;

    /// <summary>The other partner when it was proposed.</summary>
    public string PartnerId { get; private set; } = string.Empty;

    /// <summary>The topic in a few words; null once its author removed it.</summary>
    public string? Topic { get; private set; }

    public int TimeBoxMinutes { get; private set; }

    /// <summary>When both are calm; null for "now" (it then begins the moment the other accepts).</summary>
    public DateTimeOffset? StartsAt { get; private set; }

    public string? AwaitingAnswerFromId { get; private set; }

    public TalkStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Every change to the talk or its turns moves this, so two phones acting at once can't both win.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (the database's row version).</summary>
    public uint Version { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedById { get; private set; }

    /// <summary>The talk this one follows up, if any.</summary>
    public Guid? FollowUpOfId { get; private set; }

    public IReadOnlyList<TalkTurn> Turns => _turns;

    public IReadOnlyList<TalkNextStep> NextSteps => _nextSteps;

    public TimeSpan TimeBox => TimeSpan.FromMinutes(TimeBoxMinutes);

    /// <summary>The turn under way (said, not yet "That's it"), if any.</summary>
    public TalkTurn? CurrentTurn => _turns.Count > 0 && !_turns[^1].IsComplete ? _turns[^1] : null;

    public int CompletedTurns => _turns.Count(turn => turn.IsComplete);

    /// <summary>The proposer speaks first; after each "That's it" the listener becomes the speaker.</summary>
    public string NextSpeakerId => _turns.Count == 0 ? ProposedById : _turns[^1].ListenerId;

    public static Talk Propose(Guid coupleId, string proposerId, string partnerId, TalkText topic, int timeBoxMinutes, DateTimeOffset? startsAt, DateTimeOffset now, Guid? followUpOfId = null)
    {
        if (!TimeBoxes.Contains(timeBoxMinutes))
        {
            throw new TalkRuleException(TalkRule.UnknownTimeBox);
        }

        CheckStartTime(startsAt, now);
        return new Talk
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            ProposedById = proposerId,
            PartnerId = partnerId,
            Topic = topic.Value,
            TimeBoxMinutes = timeBoxMinutes,
            StartsAt = startsAt,
            AwaitingAnswerFromId = partnerId,
            Status = TalkStatus.Proposed,
            CreatedAt = now,
            UpdatedAt = now,
            FollowUpOfId = followUpOfId,
        };
    }

    public bool IsMember(string userId) => userId == ProposedById || userId == PartnerId;

    public string OtherThan(string userId) => userId == ProposedById ? PartnerId : ProposedById;

    public DateTimeOffset? EndsAt => StartedAt + TimeBox;

    public TimeSpan TimeLeft(DateTimeOffset now) =>
        Status != TalkStatus.Live || EndsAt is not { } ends ? TimeSpan.Zero : ends > now ? ends - now : TimeSpan.Zero;

    public bool IsTimeUp(DateTimeOffset now) => Status == TalkStatus.Live && TimeLeft(now) == TimeSpan.Zero;

    public bool CanBegin(DateTimeOffset now) => Status == TalkStatus.Scheduled && (StartsAt is null || now >= StartsAt - EarlyStart);

    /// <summary>What happens next in the talk, and who does it (null when nobody's move: waiting, over).</summary>
    public (TalkStep Step, string? ActorId) NextMove(DateTimeOffset now)
    {
        if (Status is TalkStatus.Ended or TalkStatus.Declined or TalkStatus.CalledOff)
        {
            return (TalkStep.Over, null);
        }

        if (Status != TalkStatus.Live)
        {
            return (TalkStep.Waiting, null);
        }

        return CurrentTurn switch
        {
            { AwaitsVerdict: true } turn => (TalkStep.Confirm, turn.SpeakerId),
            { } turn => (TalkStep.Reflect, turn.ListenerId),
            null when IsTimeUp(now) => (TalkStep.TimeUp, null),
            null => (TalkStep.Speak, NextSpeakerId),
        };
    }

    public void Accept(string userId, DateTimeOffset now)
    {
        CheckAnswerer(userId);
        UpdatedAt = now;
        AwaitingAnswerFromId = null;
        if (StartsAt is null)
        {
            Status = TalkStatus.Live;
            StartedAt = now;
        }
        else
        {
            Status = TalkStatus.Scheduled;
        }
    }

    /// <summary>Another time (or now) instead: the other partner is then the one to answer.</summary>
    public void SuggestTime(string userId, DateTimeOffset? startsAt, DateTimeOffset now)
    {
        CheckAnswerer(userId);
        UpdatedAt = now;
        CheckStartTime(startsAt, now);
        StartsAt = startsAt;
        AwaitingAnswerFromId = OtherThan(userId);
    }

    public void Decline(string userId, DateTimeOffset now)
    {
        CheckAnswerer(userId);
        UpdatedAt = now;
        AwaitingAnswerFromId = null;
        Status = TalkStatus.Declined;
        EndedAt = now;
        EndedById = userId;
    }

    public void Begin(string userId, DateTimeOffset now)
    {
        CheckMember(userId);
        if (Status == TalkStatus.Live)
        {
            return;
        }

        if (!CanBegin(now))
        {
            throw new TalkRuleException(Status == TalkStatus.Scheduled ? TalkRule.TooEarlyToBegin : TalkRule.AlreadyOver);
        }

        Status = TalkStatus.Live;
        StartedAt = now;
        UpdatedAt = now;
    }

    public TalkTurn Speak(string userId, TalkText said, DateTimeOffset now)
    {
        var (step, actor) = LiveMove(userId, now);
        if (step == TalkStep.TimeUp)
        {
            throw new TalkRuleException(TalkRule.TimeIsUp);
        }

        if (step != TalkStep.Speak || actor != userId)
        {
            throw new TalkRuleException(TalkRule.NotYourTurnToSpeak);
        }

        var turn = new TalkTurn(Id, _turns.Count + 1, userId, OtherThan(userId), said, now);
        _turns.Add(turn);
        UpdatedAt = now;
        return turn;
    }

    public void Reflect(string userId, TalkText reflection, DateTimeOffset now)
    {
        var (step, actor) = LiveMove(userId, now);
        if (step != TalkStep.Reflect || actor != userId)
        {
            throw new TalkRuleException(TalkRule.NotYourTurnToReflect);
        }

        CurrentTurn!.Reflect(reflection, now);
        UpdatedAt = now;
    }

    /// <summary>"That's it" completes the turn (the roles swap); "Not quite" hands it back to the listener.</summary>
    public void Answer(string userId, ReflectionVerdict verdict, TalkText? clarification, DateTimeOffset now)
    {
        var (step, actor) = LiveMove(userId, now);
        if (step != TalkStep.Confirm || actor != userId)
        {
            throw new TalkRuleException(TalkRule.NotYourTurnToConfirm);
        }

        CurrentTurn!.Answer(verdict, clarification);
        UpdatedAt = now;
    }

    /// <summary>Either partner may end or leave at any moment: before it began that calls it off; during, it ends it for both.</summary>
    public void End(string userId, DateTimeOffset now)
    {
        CheckMember(userId);
        switch (Status)
        {
            case TalkStatus.Proposed or TalkStatus.Scheduled:
                Status = TalkStatus.CalledOff;
                AwaitingAnswerFromId = null;
                break;
            case TalkStatus.Live:
                Status = TalkStatus.Ended;
                break;
            default:
                return;
        }

        EndedAt = now;
        EndedById = userId;
        UpdatedAt = now;
    }

    /// <summary>One small thing this partner will try, written or rewritten after the talk.</summary>
    public TalkNextStep NameNextStep(string userId, TalkText text, DateTimeOffset now)
    {
        CheckMember(userId);
        if (Status != TalkStatus.Ended)
        {
            throw new TalkRuleException(TalkRule.NotOverYet);
        }

        if (_nextSteps.FirstOrDefault(step => step.AuthorId == userId) is { } mine)
        {
            mine.Change(text, now);
            UpdatedAt = now;
            return mine;
        }

        var step = new TalkNextStep(Id, userId, text, now);
        _nextSteps.Add(step);
        UpdatedAt = now;
        return step;
    }

    public void RemoveNextStep(string userId, DateTimeOffset now)
    {
        CheckMember(userId);
        var mine = _nextSteps.FirstOrDefault(step => step.AuthorId == userId) ?? throw new TalkRuleException(TalkRule.NoSuchWords);
        _nextSteps.Remove(mine);
        UpdatedAt = now;
    }

    /// <summary>Removes this person's own words in one turn (what they said, or their reflection); the other's stay.</summary>
    public void RemoveWords(string userId, Guid turnId, DateTimeOffset now)
    {
        CheckMember(userId);
        var turn = _turns.FirstOrDefault(turn => turn.Id == turnId) ?? throw new TalkRuleException(TalkRule.NoSuchWords);
        turn.RemoveWordsOf(userId);
        UpdatedAt = now;
    }

    /// <summary>The proposer may remove the topic they wrote; the talk stays, named "a talk".</summary>
    public void RemoveTopic(string userId, DateTimeOffset now)
    {
        CheckMember(userId);
        if (userId != ProposedById || Topic is null)
        {
            throw new TalkRuleException(TalkRule.NoSuchWords);
        }

        Topic = null;
        UpdatedAt = now;
    }

    private static void CheckStartTime(DateTimeOffset? startsAt, DateTimeOffset now)
    {
        if (startsAt is not { } start)
        {
            return;
        }

        if (start <= now)
        {
            throw new TalkRuleException(TalkRule.StartTimeInThePast);
        }

        if (start > now.AddDays(MaxDaysAhead))
        {
            throw new TalkRuleException(TalkRule.StartTimeTooFarAhead);
        }
    }

    private (TalkStep Step, string? ActorId) LiveMove(string userId, DateTimeOffset now)
    {
        CheckMember(userId);
        return Status switch
        {
            TalkStatus.Proposed or TalkStatus.Scheduled => throw new TalkRuleException(TalkRule.NotStartedYet),
            TalkStatus.Live => NextMove(now),
            _ => throw new TalkRuleException(TalkRule.AlreadyOver),
        };
    }

    private void CheckMember(string userId)
    {
        if (!IsMember(userId))
        {
            throw new TalkRuleException(TalkRule.NotInThisTalk);
        }
    }

    private void CheckAnswerer(string userId)
    {
        CheckMember(userId);
        if (Status != TalkStatus.Proposed)
        {
            throw new TalkRuleException(TalkRule.NotWaitingForAnAnswer);
        }

        if (AwaitingAnswerFromId != userId)
        {
            throw new TalkRuleException(TalkRule.NotYourAnswerToGive);
        }
    }
}
