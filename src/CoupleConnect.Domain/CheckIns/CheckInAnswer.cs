using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.CheckIns;

public enum ReflectionVerdict
{
    ThatsIt,
    NotQuite,
}

/// <summary>One partner's answer to a day's question, with the other partner's reflection on it, if any.</summary>
public sealed class CheckInAnswer : ICoupleOwned
{
    private CheckInAnswer()
    {
    }

    internal CheckInAnswer(Guid dailyQuestionId, string authorId, CheckInText text, DateTimeOffset now, DateTimeOffset? visibleToPartnerFrom)
    {
        VisibleToPartnerFrom = visibleToPartnerFrom;
        Id = Guid.CreateVersion7(now);
        DailyQuestionId = dailyQuestionId;
        AuthorId = authorId;
        Text = text.Value;
        AnsweredAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid DailyQuestionId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset AnsweredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Written in private mode: the partner learns of it only from this morning on (docs/adr/0036).</summary>
    public DateTimeOffset? VisibleToPartnerFrom { get; private set; }

    /// <summary>The author tapped "Reveal" on a day that reveals together.</summary>
    public bool TappedReveal { get; private set; }

    /// <summary>The partner's heart on this answer.</summary>
    public bool HeartedByPartner { get; private set; }

    /// <summary>The partner's paraphrase of this answer (reflective listening).</summary>
    public string? ReflectionText { get; private set; }

    public DateTimeOffset? ReflectedAt { get; private set; }

    /// <summary>The author's response to the reflection: "That's it" or "Not quite".</summary>
    public ReflectionVerdict? Verdict { get; private set; }

    public string? Clarification { get; private set; }

    /// <summary>
    /// Set when the author removed their words after the reveal. The row stays (empty) so the day stays revealed and the
    /// partner's own reflection on it keeps its place, shown under a "removed by its author" line.
    /// </summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>True when the partner removed their reflection on this answer; the author's response to it stays.</summary>
    public bool ReflectionRemoved { get; private set; }

    internal void Edit(CheckInText text, DateTimeOffset now)
    {
        Text = text.Value;
        UpdatedAt = now;
    }

    internal void TapReveal() => TappedReveal = true;

    internal void ToggleHeart() => HeartedByPartner = !HeartedByPartner;

    /// <summary>
    /// Writes the partner's paraphrase. After "Not quite" the partner may try again (reflective listening is a loop):
    /// the new attempt waits for a new response, and the author's clarification stays for reference.
    /// </summary>
    internal void Reflect(CheckInText paraphrase, DateTimeOffset now)
    {
        if (Verdict == ReflectionVerdict.ThatsIt)
        {
            throw new CheckInRuleException(CheckInRule.ReflectionAlreadyConfirmed);
        }

        if (IsRemoved)
        {
            throw new CheckInRuleException(CheckInRule.NoSuchAnswer);
        }

        ReflectionText = paraphrase.Value;
        ReflectionRemoved = false;
        ReflectedAt = now;
        Verdict = null;
    }

    /// <summary>The author's words go (the answer and their clarification); the partner's reflection on it stays theirs.</summary>
    internal void RemoveByAuthor(DateTimeOffset now)
    {
        Text = string.Empty;
        Clarification = null;
        RemovedAt ??= now;
    }

    /// <summary>The partner takes back their reflection; the author's response stays, under a "removed by its author" line.</summary>
    internal void RemoveReflection()
    {
        if (ReflectionText is null)
        {
            throw new CheckInRuleException(CheckInRule.NoSuchReflection);
        }

        ReflectionText = null;
        ReflectionRemoved = true;
    }

    /// <summary>The partner's heart on this answer goes with the rest of the partner's traces.</summary>
    internal void RemoveHeart() => HeartedByPartner = false;

    internal void Respond(ReflectionVerdict verdict, CheckInText? clarification)
    {
        if (ReflectionText is null)
        {
            throw new CheckInRuleException(CheckInRule.NoSuchReflection);
        }

        if (IsRemoved)
        {
            throw new CheckInRuleException(CheckInRule.NoSuchAnswer);
        }

        Verdict = verdict;
        Clarification = clarification?.Value;
    }
}
