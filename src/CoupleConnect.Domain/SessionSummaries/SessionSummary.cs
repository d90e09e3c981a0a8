using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.SessionSummaries;

/// <summary>Where a summary stands at a given moment (<see cref="SessionSummary.StatusAt"/>).</summary>
public enum SessionSummaryStatus
{
    /// <summary>Proposed and waiting for the other partner to accept or decline.</summary>
    Proposed,

    /// <summary>Both agreed: either can open and print it until <see cref="SessionSummary.AvailableUntil"/>.</summary>
    Available,
    Declined,
    Withdrawn,

    /// <summary>Its 14 days passed, or a proposal was never answered in time.</summary>
    Expired,
}

/// <summary>
/// A summary of a stretch of days for the couple's therapist, made only when both agree (docs/adr/0039): one partner
/// proposes a date range and ticks which of their own entries to include; the other accepts (ticking theirs) or
/// declines, and then nothing is made. Either can open it for <see cref="AvailableFor"/> after it was accepted, and
/// either can withdraw it at any time. Once it is declined, withdrawn or expired it shows nothing, and its ticks are
/// gone. Pure rules: the caller says who acts and when.
/// </summary>
public sealed class SessionSummary : ICoupleKeyed
{
    public const int LongestRangeDays = 183;
    public const int MostEntriesEach = 30;

    /// <summary>How long an accepted summary can be opened.</summary>
    public static readonly TimeSpan AvailableFor = TimeSpan.FromDays(14);

    /// <summary>How long a proposal waits for an answer before it lapses.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromDays(14);

    private readonly List<SummaryTick> _ticks = [];

    private SessionSummary()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string ProposedById { get; private set; } = string.Empty;

    /// <summary>The other partner when it was proposed: the only one who can accept or decline.</summary>
    public string PartnerId { get; private set; } = string.Empty;

    /// <summary>First day covered, in the couple's home zone.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day covered (inclusive).</summary>
    public DateOnly To { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnById { get; private set; }

    /// <summary>Every change moves this, so two phones acting at once can't both win.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<SummaryTick> Ticks => _ticks;

    public DateTimeOffset? AvailableUntil => AcceptedAt + AvailableFor;

    public static SessionSummary Propose(
        Guid coupleId,
        string proposerId,
        string partnerId,
        DateOnly from,
        DateOnly to,
        DateOnly today,
        IEnumerable<EntryKey> ticks,
        IEnumerable<SessionSummary> couplesSummaries,
        DateTimeOffset now)
    {
        if (couplesSummaries.Any(existing => existing.IsLiveAt(now)))
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.OneAtATime);
        }

        CheckRange(from, to, today);
        var summary = new SessionSummary
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            ProposedById = proposerId,
            PartnerId = partnerId,
            From = from,
            To = to,
            ProposedAt = now,
            UpdatedAt = now,
        };
        summary.ReplaceTicks(proposerId, ticks);
        return summary;
    }

    public SessionSummaryStatus StatusAt(DateTimeOffset now) => this switch
    {
        { WithdrawnAt: not null } => SessionSummaryStatus.Withdrawn,
        { DeclinedAt: not null } => SessionSummaryStatus.Declined,
        { AcceptedAt: { } accepted } => now < accepted + AvailableFor ? SessionSummaryStatus.Available : SessionSummaryStatus.Expired,
        _ => now < ProposedAt + AnswerWithin ? SessionSummaryStatus.Proposed : SessionSummaryStatus.Expired,
    };

    /// <summary>Waiting for an answer or open: the one summary a couple can have at a time.</summary>
    public bool IsLiveAt(DateTimeOffset now) => StatusAt(now) is SessionSummaryStatus.Proposed or SessionSummaryStatus.Available;

    public bool IsMember(string userId) => userId == ProposedById || userId == PartnerId;

    /// <summary>The partner agrees, with the entries of their own they want in it (none is fine).</summary>
    public void Accept(string userId, IEnumerable<EntryKey> ticks, DateTimeOffset now)
    {
        EnsureAnswerable(userId, now);
        ReplaceTicks(userId, ticks);
        AcceptedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The partner says no: nothing is made, and the proposer's ticks go too.</summary>
    public void Decline(string userId, DateTimeOffset now)
    {
        EnsureAnswerable(userId, now);
        DeclinedAt = now;
        _ticks.Clear();
        UpdatedAt = now;
    }

    /// <summary>Either partner takes it back, before or after it was accepted; from then on it shows nothing.</summary>
    public void Withdraw(string userId, DateTimeOffset now)
    {
        EnsureMember(userId);
        if (!IsLiveAt(now))
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.NoLongerAvailable);
        }

        WithdrawnAt = now;
        WithdrawnById = userId;
        _ticks.Clear();
        UpdatedAt = now;
    }

    /// <summary>
    /// Changes which of their own entries a partner includes: the proposer while it waits, either once it is open.
    /// The partner's first choice comes with <see cref="Accept"/>.
    /// </summary>
    public void ChooseEntries(string userId, IEnumerable<EntryKey> ticks, DateTimeOffset now)
    {
        EnsureMember(userId);
        var status = StatusAt(now);
        if (status is not (SessionSummaryStatus.Proposed or SessionSummaryStatus.Available))
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.NoLongerAvailable);
        }

        if (status == SessionSummaryStatus.Proposed && userId != ProposedById)
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.NotYoursToAnswer);
        }

        ReplaceTicks(userId, ticks);
        UpdatedAt = now;
    }

    /// <summary>The entries <paramref name="authorId"/> ticked; empty for anyone else's, and once it is no longer live.</summary>
    public IReadOnlyList<EntryKey> TicksOf(string authorId, DateTimeOffset now) =>
        IsLiveAt(now) ? _ticks.Where(tick => tick.AuthorId == authorId).Select(tick => new EntryKey(tick.Kind, tick.EntryId)).ToList() : [];

    /// <summary>The couple ended: a summary must not outlive it, so whatever is live is withdrawn.</summary>
    public void EndWithTheCouple(string leaverId, DateTimeOffset now)
    {
        if (IsLiveAt(now))
        {
            Withdraw(IsMember(leaverId) ? leaverId : ProposedById, now);
        }
    }

    private static void CheckRange(DateOnly from, DateOnly to, DateOnly today)
    {
        if (from > to)
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.RangeBackwards);
        }

        if (to > today)
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.RangeInTheFuture);
        }

        if (to.DayNumber - from.DayNumber + 1 > LongestRangeDays)
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.RangeTooLong);
        }
    }

    private void EnsureMember(string userId)
    {
        if (!IsMember(userId))
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.NotInThisCouple);
        }
    }

    private void EnsureAnswerable(string userId, DateTimeOffset now)
    {
        EnsureMember(userId);
        if (userId != PartnerId)
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.NotYoursToAnswer);
        }

        var status = StatusAt(now);
        if (status == SessionSummaryStatus.Proposed)
        {
            return;
        }

        throw new SessionSummaryRuleException(status == SessionSummaryStatus.Available ? SessionSummaryRule.NotWaitingForAnAnswer : SessionSummaryRule.NoLongerAvailable);
    }

    private void ReplaceTicks(string authorId, IEnumerable<EntryKey> ticks)
    {
        var chosen = ticks.Distinct().ToList();
        if (chosen.Count > MostEntriesEach)
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.TooManyEntries);
        }

        _ticks.RemoveAll(tick => tick.AuthorId == authorId);
        _ticks.AddRange(chosen.Select(key => new SummaryTick(Id, authorId, key.Kind, key.Id)));
    }
}
