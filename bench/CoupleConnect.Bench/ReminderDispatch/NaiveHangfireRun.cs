using System.Diagnostics;
using CoupleConnect.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// The naive way, measured honestly: one Hangfire recurring job per person (cron at their local time, their
/// TimeZoneInfo), Hangfire configured as the app configures it (PostgreSQL storage, same options, own schema), all
/// jobs firing in the same real minute. Measures registration, then the time from that minute until every job has
/// written its outbox row.
/// </summary>
public static class NaiveHangfireRun
{
    public const string Schema = "hangfire_naive_bench";

    public static async Task<NaiveResult> RunAsync(BenchDatabase database, int workers, TimeSpan cap, Action<string> log)
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await using var clean = new NpgsqlCommand($"TRUNCATE reminder_outbox; DROP SCHEMA IF EXISTS {Schema} CASCADE;", connection);
            await clean.ExecuteNonQueryAsync();
        }

        var due = await LoadDueAsync(database.DataSource);
        var expected = due.Count;

        // The app's storage options (JobsSetup.AddJobs), in a schema of the benchmark's own.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, storageOptions), storageOptions);
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage);
        NaiveReminderJob.UseDatabase(database.DataSource);
        var manager = new RecurringJobManager(storage);

        // A pilot tells how long registering takes, so the firing minute can be picked after registration ends.
        var pilotCount = Math.Min(100, expected);
        var pilot = Stopwatch.StartNew();
        for (var i = 0; i < pilotCount; i++)
        {
            manager.AddOrUpdate($"pilot:{i}", () => NaiveReminderJob.RunAsync("nobody", "DailyQuestion"), Cron.Never(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        var perJob = pilot.Elapsed / Math.Max(1, pilotCount);
        for (var i = 0; i < pilotCount; i++)
        {
            manager.RemoveIfExists($"pilot:{i}");
        }

        log($"  naive: registering takes ~{Fmt.Number(perJob.TotalMilliseconds, "0.0")} ms per job (pilot of {pilotCount})");

        var estimate = perJob * expected;
        TimeSpan registration = default;
        DateTimeOffset fireAt = default;
        for (var attempt = 1; ; attempt++)
        {
            fireAt = NextMinute(DateTimeOffset.UtcNow + (estimate * 1.5) + TimeSpan.FromSeconds(20));
            log($"  naive: registering {Fmt.Count(expected)} recurring jobs to fire at {fireAt:HH:mm} UTC (attempt {attempt})");
            var stopwatch = Stopwatch.StartNew();
            foreach (var row in due)
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(row.Zone);
                var local = TimeZoneInfo.ConvertTime(fireAt, zone);
                var (userId, kind) = (row.UserId, row.Kind);
                manager.AddOrUpdate(
                    $"reminder:{kind}:{userId}",
                    () => NaiveReminderJob.RunAsync(userId, kind),
                    $"{local.Minute} {local.Hour} * * *",
                    new RecurringJobOptions { TimeZone = zone });
            }

            registration = stopwatch.Elapsed;
            log($"  naive: registered in {Fmt.Seconds(registration)}");
            if (DateTimeOffset.UtcNow < fireAt - TimeSpan.FromSeconds(3))
            {
                break;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException("Registering the naive jobs kept overrunning the chosen minute.");
            }

            log("  naive: registration overran the chosen minute; choosing a later one and registering again");
            estimate = registration;
        }

        var serverOptions = new BackgroundJobServerOptions { WorkerCount = workers, ServerName = "bench-naive" };
        DateTimeOffset? first = null;
        DateTimeOffset? last = null;
        long done = 0;
        using (new BackgroundJobServer(serverOptions, storage))
        {
            var wait = fireAt - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                log($"  naive: Hangfire server started ({workers} workers); waiting {Fmt.Seconds(wait)} for {fireAt:HH:mm:ss} UTC");
                await Task.Delay(wait);
            }

            var deadline = fireAt + cap;
            var lastReport = DateTimeOffset.UtcNow;
            while (DateTimeOffset.UtcNow < deadline)
            {
                done = await CountOutboxAsync(database.DataSource);
                var now = DateTimeOffset.UtcNow;
                if (done > 0 && first is null)
                {
                    first = now;
                }

                if (done >= expected)
                {
                    last = now;
                    break;
                }

                if (now - lastReport > TimeSpan.FromSeconds(15))
                {
                    log($"  naive: {Fmt.Count(done)} of {Fmt.Count(expected)} rows after {Fmt.Seconds(now - fireAt)}");
                    lastReport = now;
                }

                await Task.Delay(100);
            }

            log(last is null
                ? $"  naive: cap of {Fmt.Seconds(cap)} reached with {Fmt.Count(done)} of {Fmt.Count(expected)} rows; stopping the server"
                : "  naive: all rows written; stopping the server");
        }

        var failed = await CountFailedJobsAsync(database.DataSource);
        return new NaiveResult(expected, workers, perJob, registration, fireAt, first, last, done, cap, failed);
    }

    /// <summary>Drops the naive run's Hangfire schema (the database itself may be kept for the next run).</summary>
    public static async Task CleanUpAsync(BenchDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static DateTimeOffset NextMinute(DateTimeOffset instant)
    {
        var floor = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return floor < instant ? floor.AddMinutes(1) : floor;
    }

    private static async Task<List<(string UserId, string Kind, string Zone)>> LoadDueAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT d.user_id, d.kind, u.time_zone_id FROM bench.due d JOIN "AspNetUsers" u ON u.id = d.user_id ORDER BY d.user_id
            """, connection);
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<long> CountOutboxAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM reminder_outbox", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountFailedJobsAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Schema}.job WHERE statename = 'Failed'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The app's default worker count (CoupleConnect:Jobs:WorkerCount), the naive run's default.</summary>
    public static int AppWorkerCount => new JobsOptions().WorkerCount;
}

public sealed record NaiveResult(
    int Jobs,
    int Workers,
    TimeSpan RegistrationPerJob,
    TimeSpan Registration,
    DateTimeOffset FireAt,
    DateTimeOffset? FirstRow,
    DateTimeOffset? LastRow,
    long RowsWritten,
    TimeSpan Cap,
    long FailedJobs)
{
    public bool Completed => LastRow is not null;

    /// <summary>From the minute the jobs were due until the last outbox row existed (or the cap).</summary>
    public TimeSpan FromDueMinute => (LastRow ?? (FireAt + Cap)) - FireAt;

    /// <summary>From the first outbox row to the last: leaves out Hangfire's polling delay before the first job runs.</summary>
    public TimeSpan FirstToLast => FirstRow is null ? Cap : (LastRow ?? (FireAt + Cap)) - FirstRow.Value;
}
