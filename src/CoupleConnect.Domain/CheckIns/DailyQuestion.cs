using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.CheckIns;

/// <summary>How an answer is shared: whether the couple reveals together, and when the partner may learn of it (private mode).</summary>
public sealed record AnswerTerms(bool RevealTogether, DateTimeOffset? VisibleToPartnerFrom);

/// <summary>
/// The couple's question for one local day. Each partner answers privately; once both have answered (and, if the day
/// reveals together, both tapped "Reveal") the answers are revealed to both and locked. After the reveal each may reflect back the other's answer, and the author responds.
/// </summary>
public sealed class DailyQuestion : ICoupleKeyed
{
    /// <summary>A day's question can be answered on that day and the six days after it.</summary>
    public const int AnswerWindowDays = 7;

    private readonly List<CheckInAnswer> _answers = [];

    private DailyQuestion()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    /// <summary>The local date in the couple's home time zone.</summary>
    public DateOnly Day { get; private set; }

    public int QuestionId { get; private set; }

    /// <summary>The question this day started with, when the couple swapped it; it counts as asked, so it won't return this round.</summary>
    public int? SwappedQuestionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Moves with every answer, edit, reflection or heart, so concurrent changes to one day conflict.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: an edit racing the partner's reveal can't both save (the lock would be bypassed).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<CheckInAnswer> Answers => _answers;

    /// <summary>
    /// This day reveals together (docs/adr/0036): an answer was written while the couple had it on, so both answers are
    /// shown only once each partner tapped "Reveal". It stays so even if the couple later turns the setting off.
    /// </summary>
    public bool RevealsTogether { get; private set; }

    /// <summary>Both partners have answered (only the couple's two members can answer).</summary>
    public bool BothAnswered => _answers.Count >= 2;

    /// <summary>Both answered and, on a day that reveals together, both tapped "Reveal".</summary>
    public bool IsRevealed => BothAnswered && (!RevealsTogether || _answers.All(answer => answer.TappedReveal));

    /// <summary>Both answered on a day that reveals together, and at least one of them hasn't tapped "Reveal" yet.</summary>
    public bool IsWaitingForReveal => BothAnswered && !IsRevealed;

    /// <summary>
    /// Revealed, and every answer written in private mode has reached its morning: the answers open for both partners at
    /// the same moment, so private mode never lets one read first (docs/adr/0036).
    /// </summary>
    public bool IsRevealedAt(DateTimeOffset now) => IsRevealed && _answers.All(answer => PrivateMode.IsVisible(answer.VisibleToPartnerFrom, now));

    public static DailyQuestion For(Guid coupleId, DateOnly day, int questionId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CoupleId = coupleId,
        Day = day,
        QuestionId = questionId,
        CreatedAt = now,
        ChangedAt = now,
    };

    public bool IsOpenOn(DateOnly today) => Day <= today && Day > today.AddDays(-AnswerWindowDays);

    public CheckInAnswer? AnswerBy(string userId) => _answers.FirstOrDefault(answer => answer.AuthorId == userId);

    /// <summary>Writes or rewrites <paramref name="userId"/>'s answer while the day is open and before the reveal.</summary>
    /// <param name="terms">How the couple reveals and when the partner may learn of this answer (private mode); none: at once.</param>
    public CheckInAnswer Answer(string userId, CheckInText text, DateOnly today, DateTimeOffset now, AnswerTerms? terms = null)
    {
        if (!IsOpenOn(today))
        {
            throw new CheckInRuleException(CheckInRule.OutsideAnswerWindow);
        }

        if (IsRevealedAt(now))
        {
            throw new CheckInRuleException(CheckInRule.AnswerLocked);
        }

        ChangedAt = now;
        RevealsTogether |= terms?.RevealTogether == true;
        var existing = AnswerBy(userId);
        if (existing is not null)
        {
            existing.Edit(text, now);
            return existing;
        }

        var answer = new CheckInAnswer(Id, userId, text, now, terms?.VisibleToPartnerFrom);
        _answers.Add(answer);
        return answer;
    }

    /// <summary>
    /// <paramref name="userId"/> taps "Reveal" on a day that reveals together; the answers open once both have. Only after
    /// both answered, so nobody agrees to show words before knowing the other wrote theirs.
    /// </summary>
    public void TapReveal(string userId, DateTimeOffset now)
    {
        var own = AnswerBy(userId) ?? throw new CheckInRuleException(CheckInRule.RevealNeedsBothAnswers);
        if (!BothAnswered)
        {
            throw new CheckInRuleException(CheckInRule.RevealNeedsBothAnswers);
        }

        own.TapReveal();
        ChangedAt = now;
    }

    /// <summary>
    /// Either partner may swap today's question once, and only while nobody has answered it: an answer is never
    /// moved under a different question or dropped.
    /// </summary>
    public bool CanSwap(DateOnly today) => Day == today && SwappedQuestionId is null && _answers.Count == 0;

    /// <summary>Replaces today's question with <paramref name="questionId"/> (see <see cref="CanSwap"/>).</summary>
    public void Swap(int questionId, DateOnly today, DateTimeOffset now)
    {
        EnsureCanSwap(today);
        if (questionId == QuestionId)
        {
            throw new ArgumentException("A swap needs a different question.", nameof(questionId));
        }

        SwappedQuestionId = QuestionId;
        QuestionId = questionId;
        ChangedAt = now;
    }

    /// <summary>Refuses, with the reason, a swap <see cref="CanSwap"/> would not allow.</summary>
    public void EnsureCanSwap(DateOnly today)
    {
        if (Day != today)
        {
            throw new CheckInRuleException(CheckInRule.SwapOnlyToday);
        }

        if (SwappedQuestionId is not null)
        {
            throw new CheckInRuleException(CheckInRule.AlreadySwappedToday);
        }

        if (_answers.Count > 0)
        {
            throw new CheckInRuleException(CheckInRule.SwapAfterAnAnswer);
        }
    }

    /// <summary>The questions this day has used, in order: the swapped-away one first.</summary>
    public IEnumerable<int> QuestionsUsed() => SwappedQuestionId is { } swapped ? [swapped, QuestionId] : [QuestionId];

    /// <summary><paramref name="paraphraserId"/> says back, in their words, what their partner's answer means.</summary>
    public void Reflect(string paraphraserId, CheckInText paraphrase, DateTimeOffset now)
    {
        PartnersAnswer(paraphraserId, now).Reflect(paraphrase, now);
        ChangedAt = now;
    }

    /// <summary>The author of the reflected answer says whether the reflection got it right.</summary>
    public void RespondToReflection(string authorId, ReflectionVerdict verdict, CheckInText? clarification)
    {
        // A reflection to respond to exists only after the reveal reached both (Reflect checks the moment).
        EnsureRevealed(null);
        var own = AnswerBy(authorId) ?? throw new CheckInRuleException(CheckInRule.NotYourAnswer);
        own.Respond(verdict, clarification);
    }

    /// <summary>
    /// The author takes their answer back. Before the reveal it is withdrawn: the row goes, as if never written, and the
    /// partner can never see it. After the reveal the words go but an empty, marked answer stays, so the partner's own
    /// answer stays revealed and their reflection keeps its place. No window: old words can always be taken back.
    /// </summary>
    /// <returns>True when the answer was withdrawn before the reveal; false when revealed words were removed.</returns>
    public bool TakeBackAnswer(string authorId, DateTimeOffset now)
    {
        var own = AnswerBy(authorId);
        if (own is null || own.IsRemoved)
        {
            throw new CheckInRuleException(CheckInRule.NoSuchAnswer);
        }

        ChangedAt = now;
        if (!IsRevealed)
        {
            _answers.Remove(own);
            return true;
        }

        own.RemoveByAuthor(now);
        return false;
    }

    /// <summary><paramref name="paraphraserId"/> takes back the reflection they wrote on their partner's answer.</summary>
    public void RemoveReflection(string paraphraserId, DateTimeOffset now)
    {
        var partners = _answers.FirstOrDefault(answer => answer.AuthorId != paraphraserId);
        if (AnswerBy(paraphraserId) is null || partners is null)
        {
            throw new CheckInRuleException(CheckInRule.NoSuchReflection);
        }

        partners.RemoveReflection();
        ChangedAt = now;
    }

    /// <summary>
    /// Everything <paramref name="userId"/> left on this day, at once (after a couple ends): their answer (withdrawn or
    /// removed as in <see cref="TakeBackAnswer"/>), their reflection and their heart on the partner's answer.
    /// </summary>
    /// <returns>How many of their entries went.</returns>
    public int RemoveEverythingBy(string userId, DateTimeOffset now)
    {
        var removed = 0;
        var partners = _answers.FirstOrDefault(answer => answer.AuthorId != userId);
        if (partners is not null && AnswerBy(userId) is not null)
        {
            if (partners.ReflectionText is not null)
            {
                partners.RemoveReflection();
                removed++;
            }

            if (partners.HeartedByPartner)
            {
                partners.RemoveHeart();
            }
        }

        if (AnswerBy(userId) is { IsRemoved: false })
        {
            TakeBackAnswer(userId, now);
            removed++;
        }

        if (removed > 0)
        {
            ChangedAt = now;
        }

        return removed;
    }

    /// <summary>A heart on the partner's answer; tapping again takes it back.</summary>
    /// <summary>The service checks the moment first (<see cref="IsRevealedAt"/>); the rule here is the reveal itself.</summary>
    public void ToggleHeart(string userId) => PartnersAnswer(userId, null).ToggleHeart();

    private CheckInAnswer PartnersAnswer(string userId, DateTimeOffset? now)
    {
        EnsureRevealed(now);
        if (AnswerBy(userId) is null)
        {
            throw new CheckInRuleException(CheckInRule.NotRevealedYet);
        }

        return _answers.FirstOrDefault(answer => answer.AuthorId != userId) ?? throw new CheckInRuleException(CheckInRule.NoSuchAnswer);
    }

    private void EnsureRevealed(DateTimeOffset? now)
    {
        if (now is { } moment ? !IsRevealedAt(moment) : !IsRevealed)
        {
            throw new CheckInRuleException(CheckInRule.NotRevealedYet);
        }
    }
}
