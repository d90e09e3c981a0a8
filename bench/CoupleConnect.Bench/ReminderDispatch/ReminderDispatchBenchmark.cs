using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoupleConnect.Web.Features.Reminders;
using Npgsql;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// Issue 5's benchmark: seed people with schedules in realistic zones, make many due in one minute, time the real
/// <see cref="ReminderDispatcher"/> writing their outbox rows against a raw INSERT … SELECT of the same rows, and at a
/// smaller scale against the naive design (one Hangfire recurring job per person).
/// </summary>
public static class ReminderDispatchBenchmark
{
    public const string Summary = "ReminderDispatcher vs a raw INSERT … SELECT vs one Hangfire job per person (issue 5)";

    private const double DispatcherSecondsTarget = 10;
    private const double RawSpeedTarget = 0.5;
    private const double NaiveFactorTarget = 20;
    private const int FullScaleUsers = 1_000_000;
    private const int FullScaleDue = 100_000;
    private const double DefaultPushShare = 0.3;

    private const string Usage = """
        Usage: CoupleConnect.Bench reminder-dispatch [options]      (bench/reminder-dispatch.sh sets up PostgreSQL for you)

          --server CONNSTR     PostgreSQL to use (default: $CC_BENCH_PG, else $CC_PG_CONNSTR). The benchmark creates
                               its own databases there (ccbench_*) and drops them afterwards; needs CREATEDB.
          --users N            people seeded, paired into couples (default 1,000,000; 0 skips this part)
          --due N              schedule rows due in the same minute (default 100,000)
          --naive-users N      people for the naive comparison, all due in one minute (default 10,000; 0 skips it)
          --naive-workers N    Hangfire workers for the naive run (default: the app's CoupleConnect:Jobs:WorkerCount)
          --naive-cap SECONDS  give up waiting for the naive jobs after this long (default 900)
          --runs N             timed runs of each measurement; the median is reported (default 3)
          --warmup N           untimed runs first (default 1)
          --push-share F       share of people with one push device who chose push for every reminder (default 0.3;
                               a tenth of them want the daily question by push only)
          --batch N            dispatcher batch size (default: the app's ReminderOptions.DispatchBatchSize)
          --at INSTANT         the due minute for the dispatcher runs (default 2026-12-01T13:00:00Z)
          --profile            also break one dispatcher run down by SQL statement and C# step
          --keep-databases     keep (and on the next run reuse) the seeded databases
          --results FILE       write the Markdown results there
          --command TEXT       the command line to record in the results
          --note TEXT          a remark to record (e.g. "development run, machine busy")
          --revision TEXT      the code's revision to record (the script passes `git describe --always --dirty`)
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var server = args.Value("server") ?? Environment.GetEnvironmentVariable("CC_BENCH_PG") ?? Environment.GetEnvironmentVariable("CC_PG_CONNSTR");
        var users = args.Number("users", FullScaleUsers);
        var dueCount = args.Number("due", FullScaleDue);
        var naiveUsers = args.Number("naive-users", 10_000);
        var naiveWorkers = args.Number("naive-workers", NaiveHangfireRun.AppWorkerCount);
        var naiveCap = TimeSpan.FromSeconds(args.Number("naive-cap", 900));
        var runs = Math.Max(1, args.Number("runs", 3));
        var warmups = args.Number("warmup", 1);
        var batch = args.Number("batch", new ReminderOptions().DispatchBatchSize);
        var pushShare = args.Share("push-share", DefaultPushShare);
        var at = args.Instant("at", ReminderSeeder.DefaultAt);
        var profile = args.Flag("profile");
        var keep = args.Flag("keep-databases");
        var resultsPath = args.Value("results");
        var command = args.Value("command") ?? "dotnet run -c Release --project bench/CoupleConnect.Bench -- reminder-dispatch";
        var note = args.Value("note");
        var revision = args.Value("revision");
        args.RejectUnknown();

        if (string.IsNullOrWhiteSpace(server))
        {
            throw new BenchUsageException("No PostgreSQL given: pass --server, set CC_BENCH_PG, or run bench/reminder-dispatch.sh (it starts one).");
        }

        if (naiveUsers % 2 != 0)
        {
            throw new BenchUsageException("--naive-users must be even (everyone is paired).");
        }

        var started = DateTimeOffset.UtcNow;
        var loadAtStart = Machine.LoadAverage();
        Log($"Reminder dispatcher benchmark: {Fmt.Count(users)} people, {Fmt.Count(dueCount)} due at {at:yyyy-MM-dd HH:mm} UTC; naive at {Fmt.Count(naiveUsers)}; {runs} runs (+{warmups} warm-up)");

        Machine? machine = null;
        ScaleResult? main = null;
        ScaleResult? naiveScale = null;
        NaiveResult? naive = null;
        Profile? profiled = null;

        if (users > 0)
        {
            await using var database = await BenchDatabase.OpenAsync(server, $"ccbench_reminders_{users}_{dueCount}", keep);
            machine = await Machine.DescribeAsync(database.DataSource);
            main = await MeasureScaleAsync(database, users, dueCount, at, batch, runs, warmups, pushShare, withRaw: true);
            if (profile)
            {
                profiled = await ProfileAsync(database, main.Measurements, at);
            }
        }

        if (naiveUsers > 0)
        {
            await using var database = await BenchDatabase.OpenAsync(server, $"ccbench_naive_{naiveUsers}", keep);
            machine ??= await Machine.DescribeAsync(database.DataSource);
            // The naive job writes one email row per person (the design compared is the scheduling, not the channels).
            naiveScale = await MeasureScaleAsync(database, naiveUsers, naiveUsers, at, batch, runs, warmups, pushShare: 0, withRaw: false);
            try
            {
                naive = await NaiveHangfireRun.RunAsync(database, naiveWorkers, naiveCap, Log);
            }
            finally
            {
                await NaiveHangfireRun.CleanUpAsync(database);
            }
        }

        var loadAtEnd = Machine.LoadAverage();
        var outcome = new Outcome(started, loadAtStart, loadAtEnd, command, note, revision, machine!, batch, main, naiveScale, naive, profiled);
        Console.WriteLine();
        Console.WriteLine(outcome.ConsoleSummary());
        if (resultsPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
            await File.WriteAllTextAsync(resultsPath, outcome.Markdown());
            Log($"Results written to {resultsPath}");
        }

        return 0;
    }

    private static async Task<ScaleResult> MeasureScaleAsync(BenchDatabase database, int users, int due, DateTimeOffset at, int batch, int runs, int warmups, double pushShare, bool withRaw)
    {
        TimeSpan? seeding = null;
        if (database.Existed && await ReminderSeeder.IsSeededAsync(database.DataSource, users, due, at, pushShare))
        {
            Log($"Reusing the seeded database {database.Name} (--keep-databases)");
        }
        else
        {
            Log($"Seeding {database.Name}: {Fmt.Count(users)} people, {Fmt.Count(due)} due, push share {Fmt.Number(pushShare, "0.##")}…");
            seeding = await ReminderSeeder.SeedAsync(database.DataSource, users, due, at, Log, pushShare);
            Log($"Seeded in {Fmt.Seconds(seeding.Value)}");
        }

        var facts = await ReminderSeeder.CountAsync(database.DataSource, at);
        if (facts.DueRows != due)
        {
            throw new InvalidOperationException($"Seeding left {facts.DueRows} rows due at {at:u}; expected {due}.");
        }

        var measurements = new DispatchMeasurements(database, at, due, facts, batch);
        var dispatcher = measurements.CreateDispatcher();
        var dispatcherTimes = new List<TimeSpan>();
        var rawTimes = new List<TimeSpan>();
        var warmupTimes = new List<(TimeSpan Dispatcher, TimeSpan? Raw)>();
        for (var run = 1 - warmups; run <= runs; run++)
        {
            var label = run <= 0 ? "warm-up" : $"run {run}/{runs}";
            await measurements.ResetAsync();
            var (elapsed, _) = await measurements.TimeDispatcherAsync(dispatcher);
            TimeSpan? raw = null;
            if (withRaw)
            {
                await measurements.ResetAsync();
                raw = await measurements.TimeRawInsertAsync();
            }

            Log($"  {label}: dispatcher {Fmt.Seconds(elapsed)}" + (raw is null ? string.Empty : $", raw INSERT … SELECT {Fmt.Seconds(raw.Value)}"));
            if (run <= 0)
            {
                warmupTimes.Add((elapsed, raw));
                continue;
            }

            dispatcherTimes.Add(elapsed);
            if (raw is not null)
            {
                rawTimes.Add(raw.Value);
            }
        }

        await measurements.ResetAsync();
        return new ScaleResult(database.Name, users, due, at, facts, seeding, dispatcherTimes, rawTimes, warmupTimes, measurements);
    }

    private static async Task<Profile> ProfileAsync(BenchDatabase database, DispatchMeasurements measurements, DateTimeOffset at)
    {
        Log("Profiling one more dispatcher run (Npgsql tracing on)…");
        await measurements.ResetAsync();
        var dispatcher = measurements.CreateDispatcher();
        TimeSpan elapsed;
        IReadOnlyList<(string, int, TimeSpan, TimeSpan)> statements;
        using (var profiler = new StatementProfiler())
        {
            (elapsed, _) = await measurements.TimeDispatcherAsync(dispatcher, profiler);
            statements = profiler.Results;
        }

        await measurements.ResetAsync();
        var plan = await ExplainClaimAsync(database.DataSource, at, new ReminderOptions().DispatchBatchSize);
        await measurements.ResetAsync();
        var compute = await ComputeProbe.MeasureAsync(database.DataSource, at);
        return new Profile(elapsed, statements, compute, plan);
    }

    /// <summary>EXPLAIN ANALYZE of the dispatcher's own claim statement (read from it, so never out of date), rolled back.</summary>
    private static async Task<string> ExplainClaimAsync(NpgsqlDataSource dataSource, DateTimeOffset at, int batch)
    {
        var claim = typeof(DailyReminderSource).GetField("ClaimDueSql", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetRawConstantValue() as string;
        if (claim is null)
        {
            return "(the dispatcher's claim statement was not found)";
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + claim, connection, transaction);
        explain.Parameters.AddWithValue("now", at);
        explain.Parameters.AddWithValue("batch", batch);
        var lines = new StringBuilder();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.AppendLine(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        return lines.ToString().TrimEnd();
    }

    private static void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));

    private sealed record ScaleResult(
        string Database,
        int Users,
        int Due,
        DateTimeOffset At,
        SeedFacts Facts,
        TimeSpan? Seeding,
        IReadOnlyList<TimeSpan> DispatcherTimes,
        IReadOnlyList<TimeSpan> RawTimes,
        IReadOnlyList<(TimeSpan Dispatcher, TimeSpan? Raw)> WarmupTimes,
        DispatchMeasurements Measurements)
    {
        public TimeSpan Dispatcher => Fmt.Median(DispatcherTimes);

        public TimeSpan Raw => Fmt.Median(RawTimes);

        /// <summary>Dispatcher speed as a share of the raw insert's: raw time / dispatcher time.</summary>
        public double ShareOfRawSpeed => Raw / Dispatcher;
    }

    private sealed record Profile(
        TimeSpan Elapsed,
        IReadOnlyList<(string Statement, int Count, TimeSpan Total, TimeSpan ToFirstResponse)> Statements,
        IReadOnlyList<(string Step, TimeSpan Elapsed)> Compute,
        string ClaimPlan);

    private sealed record Outcome(
        DateTimeOffset Started,
        string LoadAtStart,
        string LoadAtEnd,
        string Command,
        string? Note,
        string? Revision,
        Machine Machine,
        int Batch,
        ScaleResult? Main,
        ScaleResult? NaiveScale,
        NaiveResult? Naive,
        Profile? Profiled)
    {
        private bool FullScale => Main is { Users: >= FullScaleUsers, Due: >= FullScaleDue };

        private double? NaiveFactor => Naive is null || NaiveScale is null ? null : Naive.FirstToLast / NaiveScale.Dispatcher;

        private double? NaiveFactorFromDueMinute => Naive is null || NaiveScale is null ? null : Naive.FromDueMinute / NaiveScale.Dispatcher;

        public string ConsoleSummary()
        {
            var text = new StringBuilder();
            text.AppendLine("=== Reminder dispatcher benchmark ===");
            if (Main is { } main)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{Fmt.Count(main.Users)} people, {Fmt.Count(main.Facts.ScheduleRows)} schedule rows, {Fmt.Count(main.Due)} due at {main.At:yyyy-MM-dd HH:mm} UTC (median of {main.DispatcherTimes.Count})");
                text.AppendLine(CultureInfo.InvariantCulture, $"  dispatcher (batch {Batch}):       {Fmt.Seconds(main.Dispatcher),10}  {Fmt.Rate(main.Due, main.Dispatcher)}   runs: {Runs(main.DispatcherTimes)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  raw INSERT … SELECT:            {Fmt.Seconds(main.Raw),10}  {Fmt.Rate(main.Due, main.Raw)}   runs: {Runs(main.RawTimes)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  dispatcher at {Fmt.Percent(main.ShareOfRawSpeed)} of the raw insert's speed");
                text.AppendLine(CultureInfo.InvariantCulture, $"  outbox rows per run: {OutboxRows(main)}");
            }

            if (Naive is { } naive && NaiveScale is { } scale)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Naive way at {Fmt.Count(naive.Jobs)} people (one Hangfire recurring job each, {naive.Workers} workers):");
                text.AppendLine(CultureInfo.InvariantCulture, $"  registering the jobs:           {Fmt.Seconds(naive.Registration),10}  ({Fmt.Number(naive.RegistrationPerJob.TotalMilliseconds, "0.0")} ms per job in the pilot)");
                text.AppendLine(CultureInfo.InvariantCulture, $"  due minute → last outbox row:   {Fmt.Seconds(naive.FromDueMinute),10}{(naive.Completed ? string.Empty : $"  (CAP reached: {Fmt.Count(naive.RowsWritten)} of {Fmt.Count(naive.Jobs)} rows)")}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  first → last outbox row:        {Fmt.Seconds(naive.FirstToLast),10}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  dispatcher, same {Fmt.Count(scale.Due)} rows:     {Fmt.Seconds(scale.Dispatcher),10}   runs: {Runs(scale.DispatcherTimes)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  dispatcher {LowerBound(naive)}{Fmt.Times(NaiveFactor!.Value)} faster (first→last), {LowerBound(naive)}{Fmt.Times(NaiveFactorFromDueMinute!.Value)} counting from the due minute");
            }

            text.AppendLine("Targets:");
            foreach (var (target, figure, verdict) in Targets())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  [{verdict}] {target}: {figure}");
            }

            if (Profiled is { } profiled)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Profile of one dispatcher run ({Fmt.Seconds(profiled.Elapsed)}):");
                foreach (var (statement, count, total, first) in profiled.Statements)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {Fmt.Seconds(total),10} ({Fmt.Seconds(first)} to first response) ×{count}  {statement}");
                }

                foreach (var (step, elapsed) in profiled.Compute)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {Fmt.Seconds(elapsed),10}  C#: {step}");
                }
            }

            return text.ToString().TrimEnd();
        }

        private IEnumerable<(string Target, string Figure, string Verdict)> Targets()
        {
            if (Main is { } main)
            {
                var seconds = main.Dispatcher.TotalSeconds;
                yield return ($"dispatcher writes {Fmt.Count(FullScaleDue)} due rows among {Fmt.Count(FullScaleUsers)} people in ≤ {DispatcherSecondsTarget} s",
                    FullScale ? Fmt.Seconds(main.Dispatcher) : $"{Fmt.Seconds(main.Dispatcher)} for {Fmt.Count(main.Due)} due among {Fmt.Count(main.Users)} (smaller scale; cost does not scale linearly)",
                    FullScale ? Verdict(seconds <= DispatcherSecondsTarget) : "NOT MEASURED at full scale");
                yield return ($"dispatcher ≥ {Fmt.Percent(RawSpeedTarget)} of the raw INSERT … SELECT's speed",
                    Fmt.Percent(main.ShareOfRawSpeed),
                    Verdict(main.ShareOfRawSpeed >= RawSpeedTarget));
            }

            if (Naive is { } naive && NaiveFactor is { } factor)
            {
                yield return ($"dispatcher ≥ {NaiveFactorTarget}× faster than one Hangfire job per person (at {Fmt.Count(naive.Jobs)})",
                    $"{LowerBound(naive)}{Fmt.Times(factor)} (first→last row; {LowerBound(naive)}{Fmt.Times(NaiveFactorFromDueMinute!.Value)} from the due minute)",
                    Verdict(factor >= NaiveFactorTarget));
            }
        }

        private static string Verdict(bool met) => met ? "MET" : "MISSED";

        private static string LowerBound(NaiveResult naive) => naive.Completed ? string.Empty : "≥ ";

        private static string Runs(IReadOnlyList<TimeSpan> times) => string.Join(", ", times.Select(Fmt.Seconds));

        private static string OutboxRows(ScaleResult scale) =>
            $"{Fmt.Count(scale.Measurements.Written.Email)} email + {Fmt.Count(scale.Measurements.Written.Push)} push = {Fmt.Count(scale.Measurements.Written.Email + scale.Measurements.Written.Push)} " +
            $"(expected from the seeded choices: {Fmt.Count(scale.Facts.ExpectedEmailRows)} + {Fmt.Count(scale.Facts.ExpectedPushRows)} = {Fmt.Count(scale.Facts.ExpectedOutboxRows)})";

        public string Markdown()
        {
            var md = new StringBuilder();
            md.AppendLine("# Reminder dispatcher benchmark");
            md.AppendLine();
            md.AppendLine("Issue 5: seed people with reminder schedules in realistic zones, make many due in one minute, time the real");
            md.AppendLine("`ReminderDispatcher.DispatchDueAsync` writing all their outbox rows, a raw `INSERT … SELECT` of the same rows,");
            md.AppendLine("and the naive design (one Hangfire recurring job per person). Produced by `bench/reminder-dispatch.sh`.");
            md.AppendLine();
            if (!string.IsNullOrWhiteSpace(Note))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"> **{Note}**");
                md.AppendLine();
            }

            ResultsMarkdown.AppendRun(md, Started, Command, Revision, LoadAtStart, LoadAtEnd);
            md.AppendLine();

            ResultsMarkdown.AppendMachine(md, Machine);

            md.AppendLine("## Results");
            md.AppendLine();
            md.AppendLine("| Target | Figure | Verdict |");
            md.AppendLine("|---|---|---|");
            foreach (var (target, figure, verdict) in Targets())
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {figure} | **{verdict}** |");
            }

            md.AppendLine();
            if (Main is { } main)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"### Dispatcher vs raw insert: {Fmt.Count(main.Users)} people, {Fmt.Count(main.Due)} due in one minute");
                md.AppendLine();
                AppendData(md, main);
                md.AppendLine("| Measurement | Median | Due reminders/s | Outbox rows/s | Timed runs | Warm-up |");
                md.AppendLine("|---|---|---|---|---|---|");
                md.AppendLine(CultureInfo.InvariantCulture, $"| `ReminderDispatcher.DispatchDueAsync` (batch {Batch}) | {Fmt.Seconds(main.Dispatcher)} | {Fmt.Rate(main.Due, main.Dispatcher)} | {Fmt.Rate(main.Facts.ExpectedOutboxRows, main.Dispatcher)} | {Runs(main.DispatcherTimes)} | {string.Join(", ", main.WarmupTimes.Select(w => Fmt.Seconds(w.Dispatcher)))} |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| raw `INSERT … SELECT … ON CONFLICT DO NOTHING`, one row per channel | {Fmt.Seconds(main.Raw)} | {Fmt.Rate(main.Due, main.Raw)} | {Fmt.Rate(main.Facts.ExpectedOutboxRows, main.Raw)} | {Runs(main.RawTimes)} | {string.Join(", ", main.WarmupTimes.Where(w => w.Raw is not null).Select(w => Fmt.Seconds(w.Raw!.Value)))} |");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"Outbox rows written by every run: {OutboxRows(main)}.");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"Dispatcher speed = **{Fmt.Percent(main.ShareOfRawSpeed)} of the raw insert's** (raw time ÷ dispatcher time). Every run");
                md.AppendLine(CultureInfo.InvariantCulture, $"was checked: {Fmt.Count(main.Due)} due reminders claimed, {Fmt.Count(main.Facts.ExpectedOutboxRows)} outbox rows, all Pending, the email and push counts");
                md.AppendLine("as expected from the seeded choices, every due schedule row advanced to its next local day, and the raw insert's");
                md.AppendLine("rows identical to the dispatcher's (key with channel, local date, due time, status). The raw insert reads the same");
                md.AppendLine("channel choices and live devices as the dispatcher and writes one row per channel by the same rule.");
                md.AppendLine();
            }

            if (Naive is { } naive && NaiveScale is { } scale)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"### Naive way: one Hangfire recurring job per person, {Fmt.Count(naive.Jobs)} people due in one minute");
                md.AppendLine();
                AppendData(md, scale);
                md.AppendLine(CultureInfo.InvariantCulture, $"Each person gets `RecurringJob.AddOrUpdate(\"reminder:<kind>:<user>\", …, \"<m> <h> * * *\", {{ TimeZone = their zone }})`,");
                md.AppendLine(CultureInfo.InvariantCulture, $"Hangfire.PostgreSql storage with the app's options (own schema), a `BackgroundJobServer` with {naive.Workers} workers (the app's");
                md.AppendLine("`CoupleConnect:Jobs:WorkerCount`). Each job does the same work for its person as the dispatcher does per row: read");
                md.AppendLine("the recipient's facts, apply `ReminderRules`, look up an answer for question reminders, insert the one outbox row.");
                md.AppendLine();
                md.AppendLine("| Measurement | Time |");
                md.AppendLine("|---|---|");
                md.AppendLine(CultureInfo.InvariantCulture, $"| registering {Fmt.Count(naive.Jobs)} recurring jobs (one `AddOrUpdate` each, sequential) | {Fmt.Seconds(naive.Registration)} ({Fmt.Number(naive.RegistrationPerJob.TotalMilliseconds, "0.0")} ms per job in a pilot) |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| due minute ({naive.FireAt:HH:mm} UTC) → last outbox row | {LowerBound(naive)}{Fmt.Seconds(naive.FromDueMinute)}{(naive.Completed ? string.Empty : $" (cap reached: {Fmt.Count(naive.RowsWritten)} of {Fmt.Count(naive.Jobs)} rows)")} |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| first → last outbox row (leaves out Hangfire's wait before the first job) | {LowerBound(naive)}{Fmt.Seconds(naive.FirstToLast)} |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| failed Hangfire jobs | {Fmt.Count(naive.FailedJobs)} |");
                md.AppendLine(CultureInfo.InvariantCulture, $"| `ReminderDispatcher.DispatchDueAsync`, same {Fmt.Count(scale.Due)} rows (median; runs {Runs(scale.DispatcherTimes)}) | {Fmt.Seconds(scale.Dispatcher)} |");
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"The dispatcher is **{LowerBound(naive)}{Fmt.Times(NaiveFactor!.Value)} faster** counting first → last row (the verdict above), " +
                    $"{LowerBound(naive)}{Fmt.Times(NaiveFactorFromDueMinute!.Value)} counting from the due minute.");
                md.AppendLine();
            }

            if (Profiled is { } profiled)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"### Where a dispatcher run spends its time ({Fmt.Seconds(profiled.Elapsed)}, profiled run)");
                md.AppendLine();
                md.AppendLine("Per SQL statement, from Npgsql's tracing (a SELECT's total includes the C# loop reading its rows):");
                md.AppendLine();
                md.AppendLine("| Statement | Count | Total | To first response |");
                md.AppendLine("|---|---|---|---|");
                foreach (var (statement, count, total, first) in profiled.Statements)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {statement} | {count} | {Fmt.Seconds(total)} | {Fmt.Seconds(first)} |");
                }

                md.AppendLine();
                md.AppendLine("The per-row C# work replayed alone over the due rows:");
                md.AppendLine();
                md.AppendLine("| C# step | Total |");
                md.AppendLine("|---|---|");
                foreach (var (step, elapsed) in profiled.Compute)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {Fmt.Seconds(elapsed)} |");
                }

                md.AppendLine();
                md.AppendLine("`EXPLAIN (ANALYZE, BUFFERS)` of the first claim batch:");
                md.AppendLine();
                md.AppendLine("```");
                md.AppendLine(profiled.ClaimPlan);
                md.AppendLine("```");
                md.AppendLine();
            }

            md.AppendLine("## How the figures are taken");
            md.AppendLine();
            md.AppendLine("- Schema from the app's EF Core migrations; data seeded set-based (`generate_series`), then `VACUUM ANALYZE`.");
            md.AppendLine("- People are paired into couples (one in ten second partners lives in another zone), with reminder preferences");
            md.AppendLine("  (question reminder on for 95%, gratitude for 80%; times around 08:00 and 21:00) and one schedule row per enabled kind,");
            md.AppendLine("  due within the next 24 hours. The chosen people have one kind due at the minute, their preferred local time set");
            md.AppendLine("  to that minute in their zone; all of them are eligible, so every due row becomes a Pending outbox row per channel.");
            md.AppendLine("- Push (issue 19, `--push-share`): that share of people (picked by a hash of their number, so the rest of the seed");
            md.AppendLine("  is as before push) have one live push device (FCM-like endpoint, 65-byte p256dh and 16-byte auth in base64url,");
            md.AppendLine("  no sign-in) and the channel choice Both for every topic, except a tenth of them who chose Push only for the daily");
            md.AppendLine("  question. Everyone else has no choice rows (email). The naive comparison is seeded without push: its job writes");
            md.AppendLine("  one email row per person, as before.");
            md.AppendLine(CultureInfo.InvariantCulture, $"- Zones: {Zones.Describe()}.");
            md.AppendLine("- Before every timed run: outbox truncated, the chosen rows made due again, `VACUUM ANALYZE`, `CHECKPOINT` when");
            md.AppendLine("  permitted. The dispatcher runs with a clock stopped at the due minute and is timed until `DispatchDueAsync`");
            md.AppendLine("  returns (its last batch committed). The raw insert is one statement on one pooled connection.");
            md.AppendLine("- No answers or gratitude entries are seeded: the dispatcher's already-answered/thanked lookups run, against");
            md.AppendLine("  empty tables. The outbox starts empty (production keeps weeks of rows; its indexes would be larger).");
            md.AppendLine("- The naive run uses the real clock: the firing minute is picked after registration, and completion is");
            md.AppendLine("  polled (every 100 ms) by counting outbox rows. Its job looks up answered questions like the dispatcher");
            md.AppendLine("  but not tonight's gratitude (kept independent of work in progress), which if anything flatters it.");
            return md.ToString();
        }

        private static void AppendData(StringBuilder md, ScaleResult scale)
        {
            var seeded = scale.Seeding is { } seeding ? $", seeded in {Fmt.Seconds(seeding)}." : " (reused from an earlier run).";
            md.AppendLine(CultureInfo.InvariantCulture, $"Data: {Fmt.Count(scale.Facts.Users)} people in {Fmt.Count(scale.Facts.Couples)} couples across {scale.Facts.Zones} zones, {Fmt.Count(scale.Facts.ScheduleRows)} schedule rows, {Fmt.Count(scale.Facts.DueRows)} due at {scale.At:yyyy-MM-dd HH:mm} UTC ({Fmt.Count(scale.Facts.DueQuestionRows)} daily-question, {Fmt.Count(scale.Facts.DueRows - scale.Facts.DueQuestionRows)} evening-gratitude); " +
                $"push share {Fmt.Percent(scale.Facts.PushShare)}: {Fmt.Count(scale.Facts.PushDevices)} push devices, {Fmt.Count(scale.Facts.ChannelChoices)} channel choices; database {scale.Facts.DatabaseSize}{seeded}");
            md.AppendLine();
        }
    }
}
