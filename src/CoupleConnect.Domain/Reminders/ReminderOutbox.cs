namespace CoupleConnect.Domain.Reminders;

public enum ReminderStatus
{
    Pending,
    Sent,
    Skipped,
    Failed,
}

/// <summary>Why a reminder was not sent. Recorded on the outbox row so the admin page and support can tell.</summary>
public enum ReminderSkipReason
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

    /// <summary>The talk was called off, has begun or ended, or is no longer the couple's.</summary>
    TalkNoLongerPlanned,

    /// <summary>The time-out ended early, was extended (its later reminder goes instead), or is gone.</summary>
    TimeOutOver,

    /// <summary>A "your turn" email about a partner in private mode: it would tell when they answered (docs/adr/0036).</summary>
    PartnerIsPrivate,

    /// <summary>A notification for a person none of whose devices takes notifications any more (the email goes instead).</summary>
    NoPushDevice,
}

/// <summary>
/// One reminder for one person on one local day: written by the dispatcher (or when a partner acts), drained by the
/// sender. (user, kind, local date, subject, channel) is unique, so however often dispatch runs, a person gets at most one per day.
/// </summary>
public sealed class ReminderOutboxEntry
{
    private ReminderOutboxEntry()
    {
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public ReminderKind Kind { get; private set; }

    /// <summary>The day in the recipient's own zone the reminder belongs to: the idempotency key's date.</summary>
    public DateOnly LocalDate { get; private set; }

    public DateTimeOffset DueUtc { get; private set; }

    /// <summary>What the reminder is about when a kind can have several a day: the ritual (and <see cref="LocalDate"/> is the occurrence's day), or one time-out or talk. Part of the idempotency key.</summary>
    public Guid? SubjectId { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>Email or a notification: part of the idempotency key, so each channel sends a reminder at most once.</summary>
    public ReminderChannel Channel { get; private set; }

    public ReminderStatus Status { get; private set; }

    public ReminderSkipReason? SkipReason { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the sender may next take it: due time, a retry's backoff, or a running sender's lease.</summary>
    public DateTimeOffset? NextAttemptUtc { get; private set; }

    public DateTimeOffset? SentUtc { get; private set; }

    public string? LastError { get; private set; }

    public static ReminderOutboxEntry Pending(string userId, ReminderKind kind, DateOnly localDate, DateTimeOffset dueUtc, DateTimeOffset now) => new()
    {
        UserId = userId,
        Kind = kind,
        LocalDate = localDate,
        DueUtc = dueUtc,
        CreatedUtc = now,
        Status = ReminderStatus.Pending,
        NextAttemptUtc = dueUtc,
    };
}

/// <summary>What the dispatcher and sender know about a due reminder's recipient at that moment.</summary>
public sealed record ReminderFacts(
    ReminderKind Kind,
    bool KindTurnedOn,
    bool EmailConfirmed,
    bool AddressBounced,
    bool Paired,
    bool AlreadyAnswered,
    DateTimeOffset DueUtc,
    DateTimeOffset NowUtc)
{
    /// <summary>Tonight's gratitude already written (the evening reminder's reason to stay quiet).</summary>
    public bool AlreadyThanked { get; init; }

    /// <summary>The partner a "your turn" email would be about is in private mode.</summary>
    public bool AboutAPrivatePartner { get; init; }
}

/// <summary>The skip rules (ADR 0011), in one place for the dispatcher, the partner-activity trigger and the sender.</summary>
public static class ReminderRules
{
    /// <summary>Null when the reminder should go out; otherwise why not.</summary>
    public static ReminderSkipReason? SkipReason(ReminderFacts facts)
    {
        if (!facts.KindTurnedOn)
        {
            return ReminderSkipReason.TurnedOff;
        }

        if (!facts.Paired)
        {
            return ReminderSkipReason.NotPaired;
        }

        if (ReminderClock.IsStale(facts.DueUtc, facts.NowUtc))
        {
            return ReminderSkipReason.Stale;
        }

        if (facts.AboutAPrivatePartner && facts.Kind == ReminderKind.PartnerActivity)
        {
            return ReminderSkipReason.PartnerIsPrivate;
        }

        // A question reminder (or "your turn") after you've answered, or an evening reminder after you wrote tonight's
        // gratitude, would only be noise.
        if (facts.AlreadyAnswered && facts.Kind is ReminderKind.DailyQuestion or ReminderKind.PartnerActivity or ReminderKind.WeeklyTemperature)
        {
            return ReminderSkipReason.AlreadyAnswered;
        }

        if (facts.AlreadyThanked && facts.Kind == ReminderKind.EveningGratitude)
        {
            return ReminderSkipReason.AlreadyThanked;
        }

        // Last, because they concern the email channel alone: a reminder skipped only for them still goes as a notification.
        if (!facts.EmailConfirmed)
        {
            return ReminderSkipReason.EmailUnconfirmed;
        }

        return facts.AddressBounced ? ReminderSkipReason.AddressBounced : null;
    }

    /// <summary>
    /// The skip decision for one channel's row: the address's state stops only the email. Every other reason is
    /// checked before those two (<see cref="SkipReason"/>), so an email-only reason means all else allowed it.
    /// </summary>
    public static ReminderSkipReason? ForChannel(ReminderSkipReason? reason, ReminderChannel channel) =>
        channel == ReminderChannel.Push && reason is ReminderSkipReason.EmailUnconfirmed or ReminderSkipReason.AddressBounced ? null : reason;
}

/// <summary>How the sender retries a message the mail server did not take.</summary>
public static class ReminderRetryPolicy
{
    public const int MaxAttempts = 6;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(30);

    /// <summary>1, 2, 4, 8, 16 then 30 minutes: all within the staleness limit, so a late retry is dropped, not sent at the wrong hour.</summary>
    public static TimeSpan DelayAfter(int attempts)
    {
        var minutes = Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = TimeSpan.FromMinutes(minutes);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    public static bool GivesUpAfter(int attempts) => attempts >= MaxAttempts;
}
