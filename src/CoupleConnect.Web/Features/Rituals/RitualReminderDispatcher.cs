using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Nudges;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// The ritual half of the minutely dispatch (ADR 0013): claims due reminder bookmarks with FOR UPDATE SKIP LOCKED,
/// writes one outbox row per (person, kind, occurrence day, ritual) ON CONFLICT DO NOTHING, moves each bookmark to
/// its next reminder, commits. The nudge sender then sends them like any other nudge. Rituals are few per couple,
/// so this is plain EF in a transaction, not the daily nudges' set-based SQL.
/// </summary>
public sealed class RitualReminderDispatcher(IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider, ILogger<RitualReminderDispatcher> logger)
{
    private const int BatchSize = 500;

    private const string InsertSql = """
        INSERT INTO nudge_outbox (user_id, kind, local_date, ritual_id, due_utc, created_utc, status, skip_reason, attempts, next_attempt_utc)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, 0, {8})
        ON CONFLICT (user_id, kind, local_date, ritual_id) DO NOTHING
        """;

    /// <summary>Returns how many reminders were queued to send.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var queued = 0;
        while (true)
        {
            var (claimed, pending) = await DispatchBatchAsync(cancellationToken);
            queued += pending;
            if (claimed < BatchSize)
            {
                break;
            }
        }

        if (queued > 0)
        {
            logger.LogInformation("Ritual reminders: {Count} queued", queued);
        }

        return queued;
    }

    private async Task<(int Claimed, int Pending)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.RitualReminders
            .FromSql($"SELECT * FROM ritual_reminders WHERE next_due_utc <= {now} ORDER BY next_due_utc LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (0, 0);
        }

        var ritualIds = due.Select(reminder => reminder.RitualId).Distinct().ToList();
        var rituals = await db.Rituals.AsNoTracking()
            .Where(ritual => ritualIds.Contains(ritual.Id))
            .Select(ritual => new
            {
                Ritual = ritual,
                Zone = db.Couples.Where(couple => couple.Id == ritual.CoupleId).Select(couple => couple.HomeTimeZoneId).Single(),
                Members = db.CoupleMembers.Where(member => member.CoupleId == ritual.CoupleId && member.LeftAt == null).Select(member => member.UserId).ToList(),
            })
            .ToDictionaryAsync(row => row.Ritual.Id, cancellationToken);

        var pending = 0;
        foreach (var reminder in due)
        {
            if (!rituals.TryGetValue(reminder.RitualId, out var found) || found.Ritual.IsDeleted || !found.Members.Contains(reminder.UserId) || reminder.NextKind is not { } kind)
            {
                reminder.Stop();
                continue;
            }

            var dueUtc = reminder.NextDueUtc!.Value;
            var stale = NudgeClock.IsStale(dueUtc, now);
            // The columns that may be NULL go as typed parameters (EF has no mapping for a bare DBNull); a row whose
            // (person, kind, day, ritual) is already there is not counted as queued.
            var written = await db.Database.ExecuteSqlRawAsync(
                InsertSql,
                [
                    reminder.UserId, kind.ToString(), reminder.NextOccurrenceDay!.Value, reminder.RitualId, dueUtc, now,
                    (stale ? NudgeStatus.Skipped : NudgeStatus.Pending).ToString(),
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = stale ? NudgeSkipReason.Stale.ToString() : DBNull.Value },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = stale ? DBNull.Value : dueUtc },
                ],
                cancellationToken);
            pending += stale ? 0 : written;

            // From the later of this reminder and the staleness horizon: after an outage, reminders too late to
            // matter are not replayed one by one.
            var from = dueUtc > now - NudgeClock.StalenessLimit ? dueUtc : now - NudgeClock.StalenessLimit;
            reminder.PlanAfter(found.Ritual.Schedule, TimeZoneId.ParseOrUtc(found.Zone), from);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (due.Count, pending);
    }
}
