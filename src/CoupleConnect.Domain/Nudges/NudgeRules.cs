namespace CoupleConnect.Domain.Nudges;

/// <summary>What the dispatcher and sender know about a due nudge's recipient at that moment.</summary>
public sealed record NudgeFacts(
    NudgeKind Kind,
    bool KindTurnedOn,
    bool EmailConfirmed,
    bool AddressBounced,
    bool Paired,
    bool AlreadyAnswered,
    DateTimeOffset DueUtc,
    DateTimeOffset NowUtc)
{
    /// <summary>Tonight's gratitude already written (the evening nudge's reason to stay quiet).</summary>
    public bool AlreadyThanked { get; init; }
}

/// <summary>The skip rules (ADR 0011), in one place for the dispatcher, the partner-activity trigger and the sender.</summary>
public static class NudgeRules
{
    /// <summary>Null when the nudge should go out; otherwise why not.</summary>
    public static NudgeSkipReason? SkipReason(NudgeFacts facts)
    {
        if (!facts.KindTurnedOn)
        {
            return NudgeSkipReason.TurnedOff;
        }

        if (!facts.EmailConfirmed)
        {
            return NudgeSkipReason.EmailUnconfirmed;
        }

        if (facts.AddressBounced)
        {
            return NudgeSkipReason.AddressBounced;
        }

        if (!facts.Paired)
        {
            return NudgeSkipReason.NotPaired;
        }

        if (NudgeClock.IsStale(facts.DueUtc, facts.NowUtc))
        {
            return NudgeSkipReason.Stale;
        }

        // A question reminder (or "your turn") after you've answered, or an evening nudge after you wrote tonight's
        // gratitude, would only be noise.
        if (facts.AlreadyAnswered && facts.Kind is NudgeKind.DailyQuestion or NudgeKind.PartnerActivity)
        {
            return NudgeSkipReason.AlreadyAnswered;
        }

        return facts.AlreadyThanked && facts.Kind == NudgeKind.EveningGratitude ? NudgeSkipReason.AlreadyThanked : null;
    }
}

/// <summary>How the sender retries a message the mail server did not take.</summary>
public static class NudgeRetryPolicy
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
