using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders.Push;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>One outbox row to write: a reminder to send, or one decided against (with why).</summary>
public sealed record ReminderOutboxWrite(string UserId, ReminderKind Kind, DateOnly LocalDate, Guid? SubjectId, DateTimeOffset DueUtc, ReminderSkipReason? SkipReason);

/// <summary>A pending row the sender claimed under a lease (ADR 0011).</summary>
public sealed record ClaimedReminder(long Id, string UserId, ReminderKind Kind, DateTimeOffset DueUtc, int Attempts, DateOnly LocalDate, Guid? SubjectId)
{
    /// <summary>Email, or a notification to the person's devices (docs/adr/0044).</summary>
    public ReminderChannel Channel { get; init; }

    /// <summary>The lease this sender holds on the row (its next_attempt_utc); only the holder may mark it.</summary>
    public DateTimeOffset Lease { get; set; }
}

/// <summary>What became of one message the mail server was offered.</summary>
public enum ReminderDelivery
{
    Sent,
    Retrying,
    Failed,
}

/// <summary>
/// The one owner of <c>reminder_outbox</c> (ADR 0011): every read and write of it is here, so its key, its lease and its
/// statuses are kept in one place. Writes are keyed (user, kind, local date, subject) ON CONFLICT DO NOTHING, so
/// however often a reminder is queued, it is written once.
/// </summary>
public sealed class ReminderOutboxStore(NpgsqlDataSource dataSource, IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider, IOptions<ReminderOptions> options)
{
    // Counts what was really written: a row whose key already exists is not new work.
    private const string InsertSql = """
        WITH written AS (
            INSERT INTO reminder_outbox (user_id, kind, local_date, subject_id, channel, due_utc, created_utc, status, skip_reason, attempts, next_attempt_utc)
            SELECT t.user_id, t.kind, t.local_date, t.subject_id, t.channel, t.due_utc, @now, t.status, t.skip_reason, 0,
                   CASE WHEN t.status = 'Pending' THEN t.due_utc END
            FROM unnest(@users, @kinds, @dates, @subjects, @channels, @dues, @statuses, @reasons) AS t(user_id, kind, local_date, subject_id, channel, due_utc, status, skip_reason)
            ON CONFLICT (user_id, kind, local_date, subject_id, channel) DO NOTHING
            RETURNING status)
        SELECT count(*) FILTER (WHERE status = 'Pending'), count(*) FILTER (WHERE status = 'Skipped') FROM written
        """;

    // The batch's recipients' choices for the topics due, and who of them has a live device to push to. Each is a
    // lookup by key per recipient (the dispatcher's transaction turns hash joins off): a batch of 5,000 reads 5,000
    // index entries, not every choice of everyone in it (bench/results/reminder-dispatcher.md).
    private const string ChannelChoicesSql = """
        SELECT c.user_id, c.topic, c.channels
        FROM unnest(@users, @topics) AS t(user_id, topic)
        JOIN reminder_channel_choices c ON c.user_id = t.user_id AND c.topic = t.topic;
        SELECT t.user_id
        FROM unnest(@distinct_users) AS t(user_id)
        WHERE EXISTS (SELECT 1 FROM push_devices d WHERE d.user_id = t.user_id AND
        """ + " " + PushDeviceQueries.LiveSql + ")";

    private const string ClaimSql = """
        UPDATE reminder_outbox o SET next_attempt_utc = @lease_until
        WHERE o.id IN (
            SELECT id FROM reminder_outbox
            WHERE status = 'Pending' AND next_attempt_utc <= @now
            ORDER BY next_attempt_utc
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.user_id, o.kind, o.due_utc, o.attempts, o.next_attempt_utc, o.local_date, o.subject_id, o.channel
        """;

    /// <summary>After the server was unreachable, the claimed rows wait this long (not counted as attempts).</summary>
    private static readonly TimeSpan UnreachableRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Writes a dispatch batch's rows in the dispatcher's transaction, set-based, one per channel each recipient chose
    /// (<see cref="ReminderTopics.ChannelsFor"/>); returns how many were new, by status.
    /// </summary>
    public static async Task<(int Pending, int Skipped)> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ReminderOutboxWrite> reminders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reminders.Count == 0)
        {
            return (0, 0);
        }

        var writes = await ByChannelAsync(connection, transaction, reminders, cancellationToken);
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(TextArray("users", writes.Select(write => write.UserId)));
        command.Parameters.Add(TextArray("kinds", writes.Select(write => write.Kind.ToString())));
        command.Parameters.Add(new NpgsqlParameter("dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = writes.Select(write => write.LocalDate).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = writes.Select(write => write.SubjectId).ToArray() });
        command.Parameters.Add(TextArray("channels", writes.Select(write => write.Channel.ToString())));
        command.Parameters.Add(new NpgsqlParameter("dues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = writes.Select(write => write.DueUtc.UtcDateTime).ToArray() });
        command.Parameters.Add(TextArray("statuses", writes.Select(write => (write.SkipReason is null ? ReminderStatus.Pending : ReminderStatus.Skipped).ToString())));
        command.Parameters.Add(TextArray("reasons", writes.Select(write => write.SkipReason?.ToString())));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>Each reminder as the rows of its channels; a push row is not stopped by what stops the email (the address's state).</summary>
    private static async Task<List<ChannelWrite>> ByChannelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ReminderOutboxWrite> reminders, CancellationToken cancellationToken)
    {
        var choices = new Dictionary<(string UserId, ReminderTopic Topic), ReminderChannels>();
        var withDevice = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(ChannelChoicesSql, connection, transaction))
        {
            var asked = reminders.Select(write => (write.UserId, Topic: ReminderTopics.Of(write.Kind))).Where(ask => ask.Topic is not null).Distinct().ToList();
            command.Parameters.Add(TextArray("users", asked.Select(ask => ask.UserId)));
            command.Parameters.Add(TextArray("topics", asked.Select(ask => ask.Topic.ToString())));
            command.Parameters.Add(TextArray("distinct_users", reminders.Select(write => write.UserId).Distinct()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                choices[(reader.GetString(0), Enum.Parse<ReminderTopic>(reader.GetString(1)))] = Enum.Parse<ReminderChannels>(reader.GetString(2));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                withDevice.Add(reader.GetString(0));
            }
        }

        var writes = new List<ChannelWrite>(reminders.Count);
        foreach (var reminder in reminders)
        {
            ReminderChannels? chosen = ReminderTopics.Of(reminder.Kind) is { } topic && choices.TryGetValue((reminder.UserId, topic), out var channels) ? channels : null;
            foreach (var channel in ReminderTopics.ChannelsFor(reminder.Kind, chosen, withDevice.Contains(reminder.UserId)))
            {
                writes.Add(new ChannelWrite(reminder.UserId, reminder.Kind, reminder.LocalDate, reminder.SubjectId, channel, reminder.DueUtc, ReminderRules.ForChannel(reminder.SkipReason, channel)));
            }
        }

        return writes;
    }

    /// <summary>
    /// Queues reminders a feature decides on at once rather than through a dispatch (a time-out's notice to the partner,
    /// its return time): the same key and ON CONFLICT DO NOTHING, so queuing the same reminder twice writes it once.
    /// Returns how many were new. The feature's <see cref="IReminderSendCheck"/> still checks each before sending.
    /// </summary>
    public async Task<int> QueueAsync(IReadOnlyList<ReminderOutboxWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (pending, skipped) = await WriteAsync(connection, transaction, writes, timeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pending + skipped;
    }

    /// <summary>Queues a "your turn" reminder for <paramref name="dueUtc"/>, if the recipient wants them; once per local day and channel.</summary>
    public async Task QueuePartnerActivityAsync(string recipientId, DateOnly localDate, DateTimeOffset dueUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Read now rather than inside the insert: one turned off meanwhile is still skipped by the send-time check.
        if (await db.ReminderPreferences.AnyAsync(preferences => preferences.UserId == recipientId && preferences.PartnerActivityOn, cancellationToken))
        {
            await QueueAsync([new ReminderOutboxWrite(recipientId, ReminderKind.PartnerActivity, localDate, null, dueUtc, null)], cancellationToken);
        }
    }

    /// <summary>Takes a batch of due pending rows under a short lease (FOR UPDATE SKIP LOCKED: two senders never take the same row).</summary>
    public async Task<List<ClaimedReminder>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now.AddSeconds(options.Value.SendLeaseSeconds));
        command.Parameters.AddWithValue("batch", options.Value.SendBatchSize);
        var claimed = new List<ClaimedReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedReminder(
                reader.GetInt64(0), reader.GetString(1), Enum.Parse<ReminderKind>(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4),
                reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetGuid(7))
            {
                Lease = reader.GetFieldValue<DateTimeOffset>(5),
                Channel = Enum.Parse<ReminderChannel>(reader.GetString(8)),
            });
        }

        return claimed;
    }

    /// <summary>
    /// Extends the sender's hold on one row just before sending it, and proves it still holds it: the lease time it
    /// set is the claim's token. Keeps a slow batch (a stalling mail server) from racing another instance.
    /// </summary>
    public async Task<bool> RenewLeaseAsync(AppDbContext db, ClaimedReminder reminder, CancellationToken cancellationToken)
    {
        DateTimeOffset? renewed = ToDatabasePrecision(timeProvider.GetUtcNow().AddSeconds(options.Value.SendLeaseSeconds));
        await using var transaction = await BeginWithoutWaitingForDiskAsync(db, cancellationToken);
        var held = await Held(db, reminder).ExecuteUpdateAsync(set => set.SetProperty(entry => entry.NextAttemptUtc, renewed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (held == 1)
        {
            reminder.Lease = renewed.Value;
        }

        return held == 1;
    }

    /// <summary>
    /// Marks the row after the mail server answered: sent, to retry with backoff, or failed. A permanent refusal of the
    /// recipient marks the address bounced in the same transaction, so no more email goes to it until its owner fixes it.
    /// </summary>
    public async Task<ReminderDelivery> RecordAsync(AppDbContext db, ClaimedReminder reminder, MailSendResult sent, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var attempts = reminder.Attempts + 1;
        await using var transaction = await BeginWithoutWaitingForDiskAsync(db, cancellationToken);
        var row = Held(db, reminder);
        ReminderDelivery delivery;
        switch (sent.Outcome)
        {
            case MailSendOutcome.Delivered:
                await row.ExecuteUpdateAsync(
                    set => set.SetProperty(entry => entry.Status, ReminderStatus.Sent).SetProperty(entry => entry.SentUtc, now)
                        .SetProperty(entry => entry.Attempts, attempts).SetProperty(entry => entry.NextAttemptUtc, (DateTimeOffset?)null).SetProperty(entry => entry.LastError, (string?)null),
                    cancellationToken);
                delivery = ReminderDelivery.Sent;
                break;
            case MailSendOutcome.TemporaryFailure when !ReminderRetryPolicy.GivesUpAfter(attempts):
                DateTimeOffset? retryAt = now + ReminderRetryPolicy.DelayAfter(attempts);
                await row.ExecuteUpdateAsync(
                    set => set.SetProperty(entry => entry.Attempts, attempts).SetProperty(entry => entry.NextAttemptUtc, retryAt)
                        .SetProperty(entry => entry.LastError, Truncate(sent.Error)),
                    cancellationToken);
                delivery = ReminderDelivery.Retrying;
                break;
            default:
                await row.ExecuteUpdateAsync(
                    set => set.SetProperty(entry => entry.Status, ReminderStatus.Failed).SetProperty(entry => entry.Attempts, attempts)
                        .SetProperty(entry => entry.NextAttemptUtc, (DateTimeOffset?)null).SetProperty(entry => entry.LastError, Truncate(sent.Error)),
                    cancellationToken);
                if (sent.Outcome == MailSendOutcome.RecipientRejected)
                {
                    await db.Users.Where(user => user.Id == reminder.UserId).ExecuteUpdateAsync(set => set.SetProperty(user => user.EmailBouncedAt, now), cancellationToken);
                }

                delivery = ReminderDelivery.Failed;
                break;
        }

        await transaction.CommitAsync(cancellationToken);
        return delivery;
    }

    public Task<int> MarkSkippedAsync(AppDbContext db, ClaimedReminder reminder, ReminderSkipReason skip, CancellationToken cancellationToken)
    {
        ReminderSkipReason? reason = skip;
        return Held(db, reminder).ExecuteUpdateAsync(
            set => set.SetProperty(entry => entry.Status, ReminderStatus.Skipped).SetProperty(entry => entry.SkipReason, reason).SetProperty(entry => entry.NextAttemptUtc, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>Gives claimed rows back after the mail server could not be reached; they wait a minute, not counted as attempts.</summary>
    public Task<int> ReleaseAsync(AppDbContext db, IReadOnlyList<ClaimedReminder> reminders, string? error, CancellationToken cancellationToken)
    {
        DateTimeOffset? retryAt = timeProvider.GetUtcNow() + UnreachableRetryDelay;
        var ids = reminders.Select(reminder => reminder.Id).ToList();
        var leases = reminders.Select(reminder => (DateTimeOffset?)reminder.Lease).Distinct().ToList();
        return db.ReminderOutbox.Where(entry => ids.Contains(entry.Id) && entry.Status == ReminderStatus.Pending && leases.Contains(entry.NextAttemptUtc)).ExecuteUpdateAsync(
            set => set.SetProperty(entry => entry.NextAttemptUtc, retryAt).SetProperty(entry => entry.LastError, Truncate(error)),
            cancellationToken);
    }

    /// <summary>Forgets finished rows due before <paramref name="cutoff"/> (they hold no text, only what happened).</summary>
    public async Task<int> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReminderOutbox.Where(entry => entry.DueUtc < cutoff && entry.Status != ReminderStatus.Pending).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Counts by kind and status, and skips by reason, of the rows due in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public async Task<(List<ReminderCount> Counts, List<ReminderSkipCount> SkipReasons)> CountDueBetweenAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = db.ReminderOutbox.AsNoTracking().Where(entry => entry.DueUtc >= start && entry.DueUtc < end);
        var counts = await due
            .GroupBy(entry => new { entry.Kind, entry.Status })
            .Select(group => new ReminderCount(group.Key.Kind, group.Key.Status, group.Count()))
            .ToListAsync(cancellationToken);
        var reasons = await due
            .Where(entry => entry.SkipReason != null)
            .GroupBy(entry => entry.SkipReason!.Value)
            .Select(group => new ReminderSkipCount(group.Key, group.Count()))
            .ToListAsync(cancellationToken);
        return (counts, reasons);
    }

    /// <summary>The row, only while this sender still holds its lease.</summary>
    private static IQueryable<ReminderOutboxEntry> Held(AppDbContext db, ClaimedReminder reminder) =>
        db.ReminderOutbox.Where(entry => entry.Id == reminder.Id && entry.Status == ReminderStatus.Pending && entry.NextAttemptUtc == reminder.Lease);

    /// <summary>
    /// For the sender's bookkeeping around each message (the lease renewal, the mark after sending): were such a write
    /// lost in a database crash, the email would go twice, never not at all. Not waiting for its disk flush narrows the
    /// window in which an app crash after the server's 250 repeats a delivered email (bench/results/crash.md), and
    /// spares one connection two disk waits per message (bench/results/email.md).
    /// </summary>
    private static async Task<IDbContextTransaction> BeginWithoutWaitingForDiskAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO off", cancellationToken);
        return transaction;
    }

    /// <summary>PostgreSQL keeps microseconds; the lease must compare equal after a round trip.</summary>
    private static DateTimeOffset ToDatabasePrecision(DateTimeOffset value) => value.AddTicks(-(value.Ticks % 10)).ToUniversalTime();

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;

    private static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}

/// <summary>One outbox row to insert: a reminder on one channel.</summary>
internal sealed record ChannelWrite(string UserId, ReminderKind Kind, DateOnly LocalDate, Guid? SubjectId, ReminderChannel Channel, DateTimeOffset DueUtc, ReminderSkipReason? SkipReason);
