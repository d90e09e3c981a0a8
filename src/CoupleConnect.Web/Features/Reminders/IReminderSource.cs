using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Npgsql;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>The dispatcher's open transaction for one batch: a source claims, decides and advances in it.</summary>
public sealed record DispatchTransaction(NpgsqlConnection Connection, NpgsqlTransaction Transaction);

/// <summary>What a source claimed in one batch, and the outbox rows the dispatcher writes for it in the same transaction.</summary>
public sealed record DueReminders(int Claimed, IReadOnlyList<ReminderOutboxWrite> Writes);

/// <summary>
/// Reminders a feature plans itself (a ritual's, at the couple's chosen lead time), run by the one dispatcher (ADR 0011)
/// like the daily ones: the source claims its due bookmarks with FOR UPDATE SKIP LOCKED in the dispatcher's transaction,
/// decides each, moves each to its next due time, and returns the rows; the dispatcher writes them and commits. So the
/// reminder engine reaches the feature through this hook and does not depend on it.
/// </summary>
public interface IDueReminderSource
{
    /// <summary>The most due bookmarks one transaction claims.</summary>
    int BatchSize { get; }

    Task<DueReminders> ClaimDueAsync(DispatchTransaction dispatch, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// The send-time half of every reminder kind (<see cref="DailyReminderCheck"/> for the daily ones, a feature's own for
/// its kinds): right before sending, the sender asks the owner of the kind whether it still holds (things change
/// between dispatch and send) and what the email should say.
/// </summary>
public interface IReminderSendCheck
{
    bool Owns(ReminderKind kind);

    Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Skip with a reason, or send, with what the email says beyond names (the question, the week, the ritual).</summary>
public sealed record ReminderCheck(ReminderSkipReason? Skip)
{
    public QuestionEmailFacts? Question { get; init; }

    public IReadOnlyList<string>? SummaryParagraphs { get; init; }

    public RitualEmailFacts? Ritual { get; init; }

    public TalkEmailFacts? Talk { get; init; }

    public TimeOutEmailFacts? TimeOut { get; init; }

    public CoupleEndedEmailFacts? CoupleEnded { get; init; }

    public static ReminderCheck Skipped(ReminderSkipReason reason) => new(reason);
}
