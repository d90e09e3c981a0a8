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
public sealed class DispatchMeasurements(BenchDatabase database, DateTimeOffset at, int expectedRows, int batchSize)
{
    /// <summary>
    /// The floor: one statement writing the same outbox rows (key, due time, Pending) with nothing decided and no
    /// schedule advanced. The local date comes from PostgreSQL's tzdata instead of .NET's; both runs are checked equal.
    /// </summary>
    public const string RawInsertSql = """
        INSERT INTO reminder_outbox (user_id, kind, local_date, due_utc, created_utc, status, skip_reason, attempts, next_attempt_utc)
        SELECT s.user_id, s.kind, (s.next_due_utc AT TIME ZONE u.time_zone_id)::date, s.next_due_utc, @now, 'Pending', NULL, 0, s.next_due_utc
        FROM reminder_schedules s
        JOIN "AspNetUsers" u ON u.id = s.user_id
        WHERE s.next_due_utc <= @now
        ON CONFLICT (user_id, kind, local_date, ritual_id) DO NOTHING
        """;

    private const string OutboxColumns = "user_id, kind, local_date, due_utc, status, skip_reason, attempts, next_attempt_utc";

    private bool _haveExpected;

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

        if (result.Claimed != expectedRows || result.Pending != expectedRows)
        {
            throw new InvalidOperationException($"The dispatcher claimed {result.Claimed} and queued {result.Pending}; expected {expectedRows} each.");
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
        if (inserted != expectedRows)
        {
            throw new InvalidOperationException($"The raw INSERT … SELECT wrote {inserted} rows; expected {expectedRows}.");
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
                   (SELECT count(*) FROM reminder_schedules WHERE next_due_utc <= @at),
                   (SELECT count(*) FROM reminder_schedules s JOIN bench.due d USING (user_id, kind)
                    WHERE s.next_due_utc > @at + interval '1 day 2 hours')
            """, connection);
        count.Parameters.AddWithValue("at", at);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, pending, stillDue, tooLate) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        if (rows != expectedRows || pending != expectedRows)
        {
            throw new InvalidOperationException($"The outbox holds {rows} rows ({pending} pending at the due minute); expected {expectedRows}.");
        }

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
