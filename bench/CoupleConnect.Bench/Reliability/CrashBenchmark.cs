using System.Diagnostics;
using System.Globalization;
using CoupleConnect.Bench.ReminderDispatch;
using Npgsql;

namespace CoupleConnect.Bench.Reliability;

/// <summary>
/// Issue 8, item 5: 10,000 reminders due, the real app process (published Release build) dispatching and sending them to an
/// SMTP sink in another process, killed with SIGKILL at random points of dispatch and of sending, again and again,
/// restarted each time; at the end every outbox row is counted at the sink by Message-ID: none lost, duplicates counted.
/// </summary>
public static class CrashBenchmark
{
    public const string Summary = "kill -9 the real app again and again while it dispatches and sends 10,000 reminders; count at the sink (issue 8)";

    private const string Usage = """
        Usage: CoupleConnect.Bench crash [options]      (bench/crash.sh sets up PostgreSQL and publishes the app for you)

          --server CONNSTR       PostgreSQL to use (default: $CC_BENCH_PG, else $CC_PG_CONNSTR); the run creates and drops
                                 its own database ccbench_crash there
          --due N                reminders due at the start (default 10,000; twice as many people are seeded)
          --kills N              SIGKILLs, each followed by a restart (default 50)
          --dispatch-kills N     of those, how many aim at the dispatch phase while rows are still undispatched (default 10)
          --seed N               random seed for the kill delays (default: from the clock; printed and recorded)
          --dispatch-batch N     dispatcher batch size for the run (default 100: more transactions to land a kill in)
          --lease SECONDS        the sender's lease (default 20; production 300): how long a killed sender's claimed rows wait
          --max-minutes N        give up after this long (default 20)
          --results FILE         write the Markdown results there
          --command/--note/--revision TEXT   recorded with the results
        Needs CC_BENCH_APP_DLL: the published CoupleConnect.Web.dll.
        """;

    private const string AppName = "cc-crash-app";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var server = args.Value("server") ?? Environment.GetEnvironmentVariable("CC_BENCH_PG") ?? Environment.GetEnvironmentVariable("CC_PG_CONNSTR");
        var due = args.Number("due", 10_000);
        var kills = args.Number("kills", 50);
        var dispatchKills = args.Number("dispatch-kills", 10);
        var seed = args.Number("seed", Environment.TickCount & int.MaxValue);
        var dispatchBatch = args.Number("dispatch-batch", 100);
        var lease = args.Number("lease", 20);
        var maxMinutes = args.Number("max-minutes", 20);
        var resultsPath = args.Value("results");
        var command = args.Value("command") ?? "bench/crash.sh";
        var note = args.Value("note");
        var revision = args.Value("revision");
        args.RejectUnknown();
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new BenchUsageException("No PostgreSQL given: pass --server, set CC_BENCH_PG, or run bench/crash.sh (it starts one).");
        }

        var dll = AppProcess.DllFromEnvironment();
        var work = Directory.CreateTempSubdirectory("cc-crash-");
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(maxMinutes);
        var random = new Random(seed);
        var loadAtStart = Machine.LoadAverage();
        Console.WriteLine($"Crash run: {Fmt.Count(due)} due, {kills} kills ({dispatchKills} aimed at dispatch), seed {seed}; logs in {work.FullName}");

        await using var database = await BenchDatabase.OpenAsync(server, "ccbench_crash", keep: false);
        var machine = await Machine.DescribeAsync(database.DataSource);
        var at = TruncateToMinute(DateTimeOffset.UtcNow);
        Console.WriteLine($"Seeding {Fmt.Count(2 * due)} people, {Fmt.Count(due)} of them due at {at:u} (real time: now)...");
        await ReminderSeeder.SeedAsync(database.DataSource, 2 * due, due, at, line => Console.WriteLine(line));
        var counter = new OutboxCounter(database.DataSource, at);
        await counter.PushOtherSchedulesAwayAsync();

        await using var sink = await SinkProcess.StartAsync(Path.Combine(work.FullName, "message-ids.txt"));
        var settings = AppProcess.BaseSettings(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = AppName }.ConnectionString, sink.Port);
        settings["CoupleConnect__Reminders__JobsCron"] = "*/5 * * * * *";
        settings["CoupleConnect__Jobs__PollIntervalSeconds"] = "1";
        settings["CoupleConnect__Reminders__DispatchBatchSize"] = dispatchBatch.ToString(CultureInfo.InvariantCulture);
        settings["CoupleConnect__Reminders__SendLeaseSeconds"] = lease.ToString(CultureInfo.InvariantCulture);
        var port = AppProcess.FreePort();
        settings["CoupleConnect__PublicUrl"] = $"http://127.0.0.1:{port}/";
        await using var app = new AppProcess(dll, port, settings, Path.Combine(work.FullName, "app.log"));

        var records = new List<KillRecord>();
        for (var kill = 1; kill <= kills && clock.Elapsed < deadline; kill++)
        {
            app.Start();
            var started = clock.Elapsed;
            await app.WaitReadyAsync(TimeSpan.FromSeconds(90));
            var atStart = await counter.CountAsync();
            var aim = atStart.Undispatched > 0 && records.Count(record => record.Aim == "dispatch") < dispatchKills ? "dispatch" : "send";
            if (atStart.Undispatched == 0 && atStart.Pending == 0)
            {
                Console.WriteLine($"  everything was sent before kill {kill}: stopping the kills here");
                break;
            }

            // Wait until this process is seen doing the aimed-at work, then a random delay into it.
            var seen = Stopwatch.StartNew();
            while (seen.Elapsed < TimeSpan.FromSeconds(60))
            {
                var now = await counter.CountAsync();
                if (aim == "dispatch" ? now.Dispatched > atStart.Dispatched || now.Undispatched == 0 : now.Sent > atStart.Sent)
                {
                    break;
                }

                await Task.Delay(50);
            }

            var delay = aim == "dispatch" ? random.Next(0, 400) : random.Next(0, 2500);
            await Task.Delay(delay);
            var before = await counter.CountAsync();
            var sessions = await counter.AppSessionsAsync(AppName);
            await app.KillHardAsync();
            var after = await counter.CountAsync();
            var record = new KillRecord(kill, aim, (clock.Elapsed - started).TotalSeconds, delay, atStart, before, after, sessions);
            records.Add(record);
            Console.WriteLine($"  kill {kill,2}: aimed at {aim,-8} +{delay,4} ms -> landed in {record.LandedIn,-22} undispatched {Fmt.Count(after.Undispatched),6}  pending {Fmt.Count(after.Pending),6}  sent {Fmt.Count(after.Sent),6}  [{sessions}]");
        }

        Console.WriteLine("Last start: letting the app finish (leases of killed senders expire first)...");
        app.Start();
        await app.WaitReadyAsync(TimeSpan.FromSeconds(90));
        var drainStarted = clock.Elapsed;
        OutboxCounts final;
        while (true)
        {
            final = await counter.CountAsync();
            if ((final.Undispatched == 0 && final.Pending == 0) || clock.Elapsed > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        var drain = clock.Elapsed - drainStarted;
        await app.StopAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        var verdict = await counter.VerdictAsync(sink.Received(), "coupleconnect.local");
        var loadAtEnd = Machine.LoadAverage();
        var report = CrashReport.Build(new CrashRun(machine, command, revision, note, due, kills, dispatchKills, seed, dispatchBatch, lease, at, clock.Elapsed, drain, app.Starts, loadAtStart, loadAtEnd, records, final, verdict));
        Console.WriteLine();
        Console.WriteLine(report.Summary);
        if (resultsPath is not null)
        {
            await File.WriteAllTextAsync(resultsPath, report.Markdown);
            Console.WriteLine($"Results written to {resultsPath}");
        }

        return verdict.Lost == 0 && verdict.Unknown == 0 ? 0 : 1;
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}

/// <summary>Where one kill landed: counts when this process started, just before the kill and once it was dead.</summary>
public sealed record KillRecord(int Number, string Aim, double SecondsAfterStart, int DelayMs, OutboxCounts AtStart, OutboxCounts Before, OutboxCounts After, string Sessions)
{
    /// <summary>Dispatch if schedule rows were still undispatched and this process had dispatched some; else send if it had sent.</summary>
    public string LandedIn =>
        Before.Undispatched > 0 && Before.Dispatched > AtStart.Dispatched ? (Before.Sent > AtStart.Sent ? "dispatch (+ send)" : "dispatch")
        : Before.Undispatched > 0 ? "before dispatch"
        : Before.Sent > AtStart.Sent && Before.Pending > 0 ? "send"
        : Before.Pending > 0 ? "before send"
        : "after the last send";

    /// <summary>Dispatched rows a transaction had written but not committed, seen from the counts' difference (rolled back).</summary>
    public bool MidTransaction => Sessions.Contains("in transaction", StringComparison.Ordinal) || Sessions.Contains("active", StringComparison.Ordinal);
}
