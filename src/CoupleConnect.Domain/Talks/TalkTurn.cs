using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Talks;

/// <summary>
/// One turn of a talk: the speaker says what they feel and need, the listener says it back in their own words, and the
/// speaker answers "That's it" or "Not quite" (the daily question's reflect-back loop). "Not quite" hands it back to the
/// listener; "That's it" completes the turn and the roles swap. Each person may remove their own words.
/// </summary>
public sealed class TalkTurn : ICoupleOwned
{
    private TalkTurn()
    {
    }

    internal TalkTurn(Guid talkId, int number, string speakerId, string listenerId, TalkText said, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        TalkId = talkId;
        Number = number;
        SpeakerId = speakerId;
        ListenerId = listenerId;
        Said = said.Value;
        SaidAt = now;
    }

    public Guid Id { get; private set; }

    public Guid TalkId { get; private set; }

    /// <summary>1 for the first turn of the talk, then 2, 3…</summary>
    public int Number { get; private set; }

    public string SpeakerId { get; private set; } = string.Empty;

    public string ListenerId { get; private set; } = string.Empty;

    /// <summary>What the speaker feels and needs; null once they removed it.</summary>
    public string? Said { get; private set; }

    public DateTimeOffset SaidAt { get; private set; }

    /// <summary>The listener's latest attempt to say it back; null until written or once removed.</summary>
    public string? Reflection { get; private set; }

    public DateTimeOffset? ReflectedAt { get; private set; }

    /// <summary>True when the listener removed their reflection (the turn still counts; the words are gone).</summary>
    public bool ReflectionRemoved { get; private set; }

    public ReflectionVerdict? Verdict { get; private set; }

    /// <summary>What the speaker added with "Not quite", to help the next try; optional.</summary>
    public string? Clarification { get; private set; }

    /// <summary>How many times the speaker said "Not quite" in this turn.</summary>
    public int NotQuiteCount { get; private set; }

    public bool IsComplete => Verdict == ReflectionVerdict.ThatsIt;

    public bool SaidRemoved => Said is null;

    /// <summary>The listener's move: a first reflection, or another after "Not quite".</summary>
    public bool AwaitsReflection => !IsComplete && (ReflectedAt is null || Verdict == ReflectionVerdict.NotQuite);

    /// <summary>The speaker's move: the latest reflection waits for "That's it" or "Not quite".</summary>
    public bool AwaitsVerdict => ReflectedAt is not null && Verdict is null;

    internal void Reflect(TalkText reflection, DateTimeOffset now)
    {
        Reflection = reflection.Value;
        ReflectionRemoved = false;
        ReflectedAt = now;
        Verdict = null;
    }

    internal void Answer(ReflectionVerdict verdict, TalkText? clarification)
    {
        Verdict = verdict;
        if (verdict == ReflectionVerdict.NotQuite)
        {
            NotQuiteCount++;
            Clarification = clarification?.Value;
        }
    }

    internal void RemoveWordsOf(string userId)
    {
        if (userId == SpeakerId && (Said is not null || Clarification is not null))
        {
            Said = null;
            Clarification = null;
        }
        else if (userId == ListenerId && Reflection is not null)
        {
            Reflection = null;
            ReflectionRemoved = true;
        }
        else
        {
            throw new TalkRuleException(TalkRule.NoSuchWords);
        }
    }
}
