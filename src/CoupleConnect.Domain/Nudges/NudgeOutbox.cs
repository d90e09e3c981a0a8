namespace CoupleConnect.Domain.Nudges;

public enum NudgeStatus
{
    Pending,
    Sent,
    Skipped,
    Failed,
}

/// <summary>Why a nudge was not sent. Recorded on the outbox row so the admin page and support can tell.</summary>
public enum NudgeSkipReason
{
    TurnedOff,
    EmailUnconfirmed,
    AddressBounced,
    NotPaired,
    Stale,
    AlreadyAnswered,
    AlreadyThanked,

    /// <summary>The ritual was deleted, or no longer happens on that day.</summary>
    RitualGone,
}

/// <summary>
/// One nudge for one person on one local day: written by the dispatcher (or when a partner acts), drained by the
/// sender. (user, kind, local date) is unique, so however often dispatch runs, a person gets at most one per day.
/// </summary>
public sealed class NudgeOutboxEntry
{
    private NudgeOutboxEntry()
    {
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public NudgeKind Kind { get; private set; }

    /// <summary>The day in the recipient's own zone the nudge belongs to: the idempotency key's date.</summary>
    public DateOnly LocalDate { get; private set; }

    public DateTimeOffset DueUtc { get; private set; }

    /// <summary>For ritual reminders: the ritual (and <see cref="LocalDate"/> is the occurrence's day). Part of the idempotency key.</summary>
    public Guid? RitualId { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public NudgeStatus Status { get; private set; }

    public NudgeSkipReason? SkipReason { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the sender may next take it: due time, a retry's backoff, or a running sender's lease.</summary>
    public DateTimeOffset? NextAttemptUtc { get; private set; }

    public DateTimeOffset? SentUtc { get; private set; }

    public string? LastError { get; private set; }

    public static NudgeOutboxEntry Pending(string userId, NudgeKind kind, DateOnly localDate, DateTimeOffset dueUtc, DateTimeOffset now) => new()
    {
        UserId = userId,
        Kind = kind,
        LocalDate = localDate,
        DueUtc = dueUtc,
        CreatedUtc = now,
        Status = NudgeStatus.Pending,
        NextAttemptUtc = dueUtc,
    };
}
