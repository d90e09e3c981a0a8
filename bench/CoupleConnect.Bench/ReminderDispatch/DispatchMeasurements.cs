using System.Diagnostics;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// The two timed operations on one seeded database: the real dispatcher, and the raw INSERT … SELECT that is the
/// floor for writing the same rows. Each starts from the same state (outbox empty, the chosen rows due at the minute).
/// </summary>
public sealed class DispatchMeasurements(BenchDatabase database, DateTimeOffset at, int dueRows, SeedFacts seeded, int batchSize)
{
    /// <summary>
    /// The floor: one statement writing the same outbox rows (key, channel, due time, Pending) with nothing decided and
    /// no schedule advanced. Like the dispatcher it reads each person's channel choice for the topic and whether they
    /// have a live device, and writes one row per channel by the same rule as <c>ReminderTopics.ChannelsFor</c> (email
    /// when chosen or when push cannot go; push when chosen and a device is live). The two daily kinds are their own
    /// topics. The local date comes from PostgreSQL's tzdata instead of .NET's; both runs are checked equal.
    /// </summary>
    public const string RawInsertSql = """
        INSERT INTO reminder_outbox (user_id, kind, local_date, subject_id, channel, due_utc, created_utc, status, skip_reason, attempts, next_attempt_utc)
        SELECT s.user_id, s.kind, (s.next_due_utc AT TIME ZONE u.time_zone_id)::date, NULL, ch.channel, s.next_due_utc, @now, 'Pending', NULL, 0, s.next_due_utc
        FROM reminder_schedules s
        JOIN "AspNetUsers" u ON u.id = s.user_id
        LEFT JOIN reminder_channel_choices c ON c.user_id = s.user_id AND c.topic = s.kind
        CROSS JOIN LATERAL (
            SELECT coalesce(c.channels, 'Email') IN ('Push', 'Both')
                   AND EXISTS (SELECT 1 FROM push_devices d WHERE d.user_id = s.user_id AND
                               NOT EXISTS (SELECT 1 FROM user_sessions us WHERE us.id = d.session_id AND us.revoked_at IS NOT NULL)) AS push) p
        CROSS JOIN LATERAL (VALUES ('Email'), ('Push')) AS ch(channel)
        WHERE s.next_due_utc <= @now
          AND CASE ch.channel WHEN 'Push' THEN p.push ELSE coalesce(c.channels, 'Email') IN ('Email', 'Both') OR NOT p.push END
        ON CONFLICT (user_id, kind, local_date, subject_id, channel) DO NOTHING
        """;

    private const string OutboxColumns = "user_id, kind, local_date, subject_id, channel, due_utc, status, skip_reason, attempts, next_attempt_utc";

    private bool _haveExpected;

    /// <summary>The outbox rows each run must write: one per channel of each due reminder, from the seeded choices.</summary>
    public long ExpectedRows => seeded.ExpectedOutboxRows;

    /// <summary>Email and push rows the last checked run wrote (every run is checked to write the expected ones).</summary>
    public (long Email, long Push) Written { get; private set; }

    public ReminderDispatcher CreateDispatcher() => new(
        database.DataSource,
        new FixedTimeProvider(at),
        Options.Create(new ReminderOptions { DispatchBatchSize = batchSize }),
        NullLogger<ReminderDispatcher>.Instance);

    /// <summary>Outbox empty, the chosen rows due again, dead rows vacuumed, statistics fresh: every run starts alike.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var reset = new NpgsqlCommand("""
            TRUNCATE reminder_outbox;
            UPDATE reminder_schedules s SET next_due_utc = @at
            FROM bench.due d
            WHERE s.user_id = d.user_id AND s.kind = d.kind AND s.next_due_utc <> @at;
            """, connection) { CommandTimeout = 0 })
        {
            reset.Parameters.AddWithValue("at", at);
            await reset.ExecuteNonQueryAsync();
        }

        foreach (var sql in new[] { "VACUUM (ANALYZE) reminder_schedules", "VACUUM (ANALYZE) reminder_outbox" })
        {
            await using var vacuum = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }

        // Flush dirty pages now rather than inside a timed run (needs pg_checkpoint or superuser; skipped otherwise).
        try
        {
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 0 };
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
        }
    }

    public async Task<(TimeSpan Elapsed, ReminderDispatchResult Result)> TimeDispatcherAsync(ReminderDispatcher dispatcher, StatementProfiler? profiler = null)
    {
        profiler?.Start();
        var stopwatch = Stopwatch.StartNew();
        var result = await dispatcher.DispatchDueAsync();
        stopwatch.Stop();
        profiler?.Stop();

        if (result.Claimed != dueRows || result.Pending != ExpectedRows)
        {
            throw new InvalidOperationException($"The dispatcher claimed {result.Claimed} and queued {result.Pending}; expected {dueRows} claimed and {ExpectedRows} queued.");
        }

        await CheckOutboxAsync(checkScheduleAdvanced: true);
        if (!_haveExpected)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var keep = new NpgsqlCommand($"DROP TABLE IF EXISTS bench.expected; CREATE TABLE bench.expected AS SELECT {OutboxColumns} FROM reminder_outbox", connection);
            await keep.ExecuteNonQueryAsync();
            _haveExpected = true;
        }
        else
        {
            await CheckSameAsExpectedAsync("dispatcher");
        }

        return (stopwatch.Elapsed, result);
    }

    public async Task<TimeSpan> TimeRawInsertAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        int inserted;
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await using var insert = new NpgsqlCommand(RawInsertSql, connection) { CommandTimeout = 0 };
            insert.Parameters.AddWithValue("now", at);
            inserted = await insert.ExecuteNonQueryAsync();
        }

        stopwatch.Stop();
        if (inserted != ExpectedRows)
        {
            throw new InvalidOperationException($"The raw INSERT … SELECT wrote {inserted} rows; expected {ExpectedRows}.");
        }

        await CheckOutboxAsync(checkScheduleAdvanced: false);
        if (_haveExpected)
        {
            await CheckSameAsExpectedAsync("raw INSERT … SELECT");
        }

        return stopwatch.Elapsed;
    }

    private async Task CheckOutboxAsync(bool checkScheduleAdvanced)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM reminder_outbox),
                   (SELECT count(*) FROM reminder_outbox WHERE status = 'Pending' AND due_utc = @at),
                   (SELECT count(*) FROM reminder_outbox WHERE channel = 'Email'),
                   (SELECT count(*) FROM reminder_outbox WHERE channel = 'Push'),
                   (SELECT count(*) FROM reminder_schedules WHERE next_due_utc <= @at),
                   (SELECT count(*) FROM reminder_schedules s JOIN bench.due d USING (user_id, kind)
                    WHERE s.next_due_utc > @at + interval '1 day 2 hours')
            """, connection);
        count.Parameters.AddWithValue("at", at);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, pending, email, push) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        var (stillDue, tooLate) = (reader.GetInt64(4), reader.GetInt64(5));
        if (rows != ExpectedRows || pending != ExpectedRows || email != seeded.ExpectedEmailRows || push != seeded.ExpectedPushRows)
        {
            throw new InvalidOperationException(
                $"The outbox holds {rows} rows ({pending} pending at the due minute; {email} email, {push} push); expected {ExpectedRows} ({seeded.ExpectedEmailRows} email, {seeded.ExpectedPushRows} push).");
        }

        Written = (email, push);

        if (checkScheduleAdvanced && (stillDue != 0 || tooLate != 0))
        {
            throw new InvalidOperationException($"After dispatch {stillDue} schedule rows are still due and {tooLate} moved more than a day ahead.");
        }
    }

    private async Task CheckSameAsExpectedAsync(string what)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var diff = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM (SELECT {OutboxColumns} FROM reminder_outbox EXCEPT SELECT {OutboxColumns} FROM bench.expected) extra),
                   (SELECT count(*) FROM (SELECT {OutboxColumns} FROM bench.expected EXCEPT SELECT {OutboxColumns} FROM reminder_outbox) missing)
            """, connection) { CommandTimeout = 0 };
        await using var reader = await diff.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (extra, missing) = (reader.GetInt64(0), reader.GetInt64(1));
        if (extra != 0 || missing != 0)
        {
            throw new InvalidOperationException($"The {what} wrote different rows from the dispatcher's first run: {extra} extra, {missing} missing.");
        }
    }
}
