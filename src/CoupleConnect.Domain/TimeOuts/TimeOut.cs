using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.TimeOuts;

/// <summary>Where a time-out is at a moment.</summary>
public enum TimeOutPhase
{
    /// <summary>Both are pausing until the return time.</summary>
    Running,

    /// <summary>The return time came (or one of them ended it early): each can say they are ready to talk.</summary>
    Over,

    /// <summary>Both said they are ready: the app suggests a guided talk.</summary>
    BothReady,
}

/// <summary>
/// A pause one partner called so both can calm down and come back to listen. It belongs to the couple, not to who called
/// it: the caller is kept only to know who to tell, and is never shown in the history (docs/adr/0032). Either partner
/// may extend it once (within 24 hours of the call) or end it early; after it ends, each says when they are ready.
/// </summary>
public sealed class TimeOut : ICoupleKeyed
{
    private TimeOut()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    /// <summary>Who called it: only so the other partner is the one told. Never shown, never counted.</summary>
    public string CalledById { get; private set; } = string.Empty;

    public DateTimeOffset CalledAt { get; private set; }

    public DateTimeOffset ReturnAt { get; private set; }

    public bool Extended { get; private set; }

    public DateTimeOffset? EndedEarlyAt { get; private set; }

    public DateTimeOffset? CallerReadyAt { get; private set; }

    public DateTimeOffset? PartnerReadyAt { get; private set; }

    /// <summary>When the pause ended: the return time, or earlier when one of them was calm sooner.</summary>
    public DateTimeOffset EndsAt => EndedEarlyAt is { } early && early < ReturnAt ? early : ReturnAt;

    /// <summary>How long after its end a time-out waits for both to say they are ready before it is only history.</summary>
    public static readonly TimeSpan ReadyWindow = TimeSpan.FromHours(24);

    public static TimeOut Call(Guid coupleId, string calledById, DateTimeOffset now, DateTimeOffset returnAt)
    {
        if (TimeOutBounds.ProblemWith(now, returnAt) is { } problem)
        {
            throw new TimeOutRuleException(problem);
        }

        return new TimeOut
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            CalledById = calledById,
            CalledAt = now,
            ReturnAt = returnAt,
        };
    }

    public TimeOutPhase PhaseAt(DateTimeOffset now) => now < EndsAt ? TimeOutPhase.Running
        : CallerReadyAt is not null && PartnerReadyAt is not null ? TimeOutPhase.BothReady
        : TimeOutPhase.Over;

    /// <summary>Still on a page: running, or ended less than <see cref="ReadyWindow"/> ago.</summary>
    public bool IsCurrentAt(DateTimeOffset now) => now < EndsAt + ReadyWindow;

    public bool CanExtendAt(DateTimeOffset now) => !Extended && PhaseAt(now) == TimeOutPhase.Running && ReturnAt < TimeOutBounds.LatestReturn(CalledAt);

    /// <summary>Moves the return time later, once, and never beyond 24 hours from the call.</summary>
    public void Extend(DateTimeOffset newReturnAt, DateTimeOffset now)
    {
        if (Extended)
        {
            throw new TimeOutRuleException("This time-out was already extended once. When it ends, you can start a new one if you need more time.");
        }

        if (PhaseAt(now) != TimeOutPhase.Running)
        {
            throw new TimeOutRuleException("This time-out has already ended, so it can't be extended.");
        }

        if (newReturnAt <= ReturnAt)
        {
            throw new TimeOutRuleException("Please choose a time later than the current return time.");
        }

        if (TimeOutBounds.ProblemWith(CalledAt, newReturnAt) is { } problem)
        {
            throw new TimeOutRuleException(problem);
        }

        ReturnAt = newReturnAt;
        Extended = true;
    }

    /// <summary>"I'm calm now": the pause ends at once for both, and each can say they are ready to talk.</summary>
    public void EndEarly(DateTimeOffset now)
    {
        if (PhaseAt(now) != TimeOutPhase.Running)
        {
            throw new TimeOutRuleException("This time-out has already ended.");
        }

        EndedEarlyAt = now;
    }

    public void MarkReady(string userId, DateTimeOffset now)
    {
        if (PhaseAt(now) == TimeOutPhase.Running)
        {
            throw new TimeOutRuleException("The time-out is still running. You can end it early if you feel calm now.");
        }

        if (userId == CalledById)
        {
            CallerReadyAt ??= now;
        }
        else
        {
            PartnerReadyAt ??= now;
        }
    }

    public bool IsReady(string userId) => (userId == CalledById ? CallerReadyAt : PartnerReadyAt) is not null;

    /// <summary>The day in <paramref name="zone"/> a reminder at the return time belongs to (the outbox key's date).</summary>
    public DateOnly ReturnDayIn(TimeZoneId zone) => ReminderClock.LocalDateOf(zone, ReturnAt);
}

/// <summary>A time-out rule was not met; the message says what to do, in plain words.</summary>
public sealed class TimeOutRuleException(string message) : Exception(message);
