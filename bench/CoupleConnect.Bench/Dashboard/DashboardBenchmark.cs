using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>
/// Issue 6's benchmark: one couple with two years of heavy history among other couples; time the shared dashboard's
/// server-side data load — <see cref="DashboardService.GetAsync"/>, what the page calls: the couple scope
/// (CurrentCouple.ForUserAsync) then <see cref="DashboardService.LoadAsync"/> — counting its SQL round trips, against
/// hand-written SQL for the same data through Npgsql alone, in the same run, interleaved.
/// </summary>
public static partial class DashboardBenchmark
{
    public const string Summary = "shared dashboard load (DashboardService) vs raw SQL, heavy couple (issue 6)";

    private const double P95TargetMs = 50;
    private const int RoundTripTarget = 6;
    private const int FullPositives = 10_000;
    private const int FullDays = 730;
    private const int FullGratitude = 1_000;
    private const int ServerCheckLoads = 50;

    private const string Usage = """
        Usage: CoupleConnect.Bench dashboard [options]      (bench/dashboard.sh sets up PostgreSQL for you)

          --server CONNSTR        PostgreSQL to use (default: $CC_BENCH_PG, else $CC_PG_CONNSTR). The benchmark creates
                                  its own database there (ccbench_dashboard_*) and drops it afterwards; needs CREATEDB.
          --positives N           the heavy couple's logged positives (default 10,000), besides its gratitude entries
          --gratitude N           the heavy couple's nightly gratitude entries (default 1,000)
          --days N                days of history, each with a question both answered (default 730)
          --other-couples N       other couples around them (default 1,000)
          --other-positives N     positives per other couple over the same days (default 730)
          --runs N                timed dashboard loads of each kind, interleaved (default 200)
          --warmup N              untimed loads of each kind first (default 30)
          --at INSTANT            "now" for the heavy couple (default 2026-12-01T19:30:00Z: 20:30 in Berlin)
          --zone ZONE             the couple's home zone (default Europe/Berlin)
          --try-indexes           also measure a copy of the database with the proposed covering indexes, interleaved
          --keep-databases        keep (and on the next run reuse) the seeded database
          --results FILE          write the Markdown results there
          --command TEXT          the command line to record in the results
          --note TEXT             a remark to record (e.g. "development run, machine busy")
          --revision TEXT         the code's revision to record (the script passes `git describe --always --dirty`)
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var server = args.Value("server") ?? Environment.GetEnvironmentVariable("CC_BENCH_PG") ?? Environment.GetEnvironmentVariable("CC_PG_CONNSTR");
        var seed = new DashboardSeed(
            args.Instant("at", DashboardSeed.DefaultAt),
            args.Value("zone") ?? DashboardSeed.DefaultZone,
            args.Number("days", FullDays),
            args.Number("positives", FullPositives),
            args.Number("gratitude", FullGratitude),
            args.Number("other-couples", 1_000),
            args.Number("other-positives", 730),
            OtherQuestionShare: 0.6);
        var runs = Math.Max(1, args.Number("runs", 200));
        var warmups = args.Number("warmup", 30);
        var tryIndexes = args.Flag("try-indexes");
        var keep = args.Flag("keep-databases");
        var resultsPath = args.Value("results");
        var command = args.Value("command") ?? "dotnet run -c Release --project bench/CoupleConnect.Bench -- dashboard";
        var note = args.Value("note");
        var revision = args.Value("revision");
        args.RejectUnknown();

        if (string.IsNullOrWhiteSpace(server))
        {
            throw new BenchUsageException("No PostgreSQL given: pass --server, set CC_BENCH_PG, or run bench/dashboard.sh (it starts one).");
        }

        if (seed.Days < 2)
        {
            throw new BenchUsageException("--days must be at least 2.");
        }

        _ = CoupleConnect.Domain.Common.TimeZoneId.TryParse(seed.Zone, out var zone) ? zone : throw new BenchUsageException($"--zone: '{seed.Zone}' is not an IANA zone this machine knows.");

        var started = DateTimeOffset.UtcNow;
        var loadAtStart = Machine.LoadAverage();
        Log($"Dashboard benchmark: a couple with {Fmt.Count(seed.Positives)} positives + {Fmt.Count(seed.Gratitude)} gratitude entries over {seed.Days} days, among {Fmt.Count(seed.OtherCouples)} other couples; {runs} loads of each kind (+{warmups} warm-up)");

        await using var database = await BenchDatabase.OpenAsync(server, $"ccbench_dashboard_{seed.Positives}_{seed.OtherCouples}", keep);
        var machine = await Machine.DescribeAsync(database.DataSource);
        TimeSpan? seeding = null;
        if (database.Existed && await DashboardSeeder.IsSeededAsync(database.DataSource, seed))
        {
            Log($"Reusing the seeded database {database.Name} (--keep-databases)");
            await ProposedIndexes.RestoreAsync(database.DataSource);
        }
        else
        {
            Log($"Seeding {database.Name}…");
            seeding = await DashboardSeeder.SeedAsync(database.DataSource, seed, Log);
            Log($"Seeded in {Fmt.Seconds(seeding.Value)}");
        }

        IReadOnlyList<Phase> phases;
        var facts = await DashboardSeeder.CountAsync(database.DataSource, seed);
        Log($"Heavy couple: {Fmt.Count(facts.Positives)} positives ({Fmt.Count(facts.Gratitude)} gratitude), {Fmt.Count(facts.QuestionDays)} question days, {Fmt.Count(facts.Answers)} answers; database {facts.DatabaseSize}");

        var targets = new List<(string Label, BenchDatabase Database)> { ("as shipped", database) };
        BenchDatabase? variant = null;
        try
        {
            if (tryIndexes)
            {
                Log("Copying the database and swapping the proposed covering indexes into the copy…");
                variant = await database.CloneAsync(database.Name + "_indexed");
                await ProposedIndexes.SwapInAsync(variant.DataSource);
                targets.Add(("with the proposed indexes", variant));
            }

            phases = await MeasureAsync(targets, server, seed, runs, warmups);
        }
        finally
        {
            if (variant is not null)
            {
                await variant.DisposeAsync();
            }
        }

        var outcome = new Outcome(started, loadAtStart, Machine.LoadAverage(), command, note, revision, machine, seed, facts, seeding, runs, warmups, phases[0], phases.Count > 1 ? phases[1] : null);
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

    /// <summary>
    /// Every way of loading the dashboard against every target database, interleaved in one loop (the order rotates
    /// each round), so load from other work on the machine falls on all of them alike.
    /// </summary>
    private static async Task<IReadOnlyList<Phase>> MeasureAsync(List<(string Label, BenchDatabase Database)> targets, string serverConnectionString, DashboardSeed seed, int runs, int warmups)
    {
        using var counter = new RoundTripCounter();
        var apps = new List<DashboardApp>();
        try
        {
            var ways = new List<(int Target, string Name, Func<Task<DashboardView?>> Load)>();
            for (var target = 0; target < targets.Count; target++)
            {
                var app = DashboardApp.Create(targets[target].Database.ConnectionString, seed.At, DashboardSeed.UserA);
                apps.Add(app);
                var raw = new RawDashboard(targets[target].Database.DataSource, app.Encryptor, new FixedTimeProvider(seed.At));
                ways.Add((target, "DashboardService.GetAsync (EF Core)", () => app.Dashboard.GetAsync()));
                ways.Add((target, "raw SQL, same six statements (Npgsql)", () => raw.LoadSixTripsAsync(DashboardSeed.UserA, proposedStreak: false)));
                ways.Add((target, "raw SQL, one batch (Npgsql)", () => raw.LoadOneTripAsync(DashboardSeed.UserA)));
                ways.Add((target, "raw SQL, six statements, proposed streak statement", () => raw.LoadSixTripsAsync(DashboardSeed.UserA, proposedStreak: true)));
            }

            Log($"Measuring {string.Join(" and ", targets.Select(target => target.Label))}: {warmups} warm-up + {runs} timed loads of each of {ways.Count} ways, interleaved…");
            var samples = ways.Select(_ => new List<Measured<DashboardView?>>(runs)).ToArray();
            string? expected = null;
            for (var run = -warmups; run < runs; run++)
            {
                for (var step = 0; step < ways.Count; step++)
                {
                    var index = (step + Math.Abs(run)) % ways.Count;
                    var (target, name, load) = ways[index];
                    var measured = await counter.MeasureAsync(load);
                    var json = JsonSerializer.Serialize(measured.Result ?? throw new InvalidOperationException($"{name} found no couple for the seeded user."));
                    expected ??= json;
                    if (json != expected)
                    {
                        throw new InvalidOperationException($"{name} ({targets[target].Label}) returned a different dashboard:\n{json}\n{expected}");
                    }

                    if (run >= 0)
                    {
                        samples[index].Add(measured);
                    }
                }
            }

            var phases = new List<Phase>();
            for (var target = 0; target < targets.Count; target++)
            {
                var (label, database) = targets[target];
                var mine = Enumerable.Range(0, ways.Count).Where(index => ways[index].Target == target).ToList();
                var timed = mine.Select(index => new Way(ways[index].Name, samples[index])).ToList();
                Log($"{label}:");
                foreach (var way in timed)
                {
                    Log($"  {way.Name}: p50 {Ms(way.P(0.50))}, p95 {Ms(way.P(0.95))}, p99 {Ms(way.P(0.99))}; round trips {way.RoundTrips}");
                }

                // The server-side cross-check of the round trips, on the app's own schema only (indexes don't change it).
                var transactions = new List<double>();
                if (target == 0)
                {
                    Log($"Counting the server's transactions over {ServerCheckLoads} more loads of each (waits for PostgreSQL's statistics)…");
                    var server = new ServerTransactions(serverConnectionString, database.Name);
                    var reading = await server.ReadAsync();
                    foreach (var index in mine)
                    {
                        (var perLoad, reading) = await server.PerLoadAsync(reading, ServerCheckLoads, ways[index].Load);
                        transactions.Add(perLoad);
                        Log($"  {ways[index].Name}: {Fmt.Number(perLoad, "0.00")} transactions per load");
                    }
                }

                Log($"Explaining the service's statements, {label} (EXPLAIN ANALYZE, BUFFERS)…");
                var view = samples[mine[0]][^1].Result!;
                var plans = (await QueryPlans.ExplainServiceAsync(database.ConnectionString, database.DataSource, seed.At, DashboardSeed.UserA)).ToList();
                var (proposedSql, proposedParameters) = RawDashboard.ProposedStreakStatement(DashboardSeed.CoupleId, seed.Zone, view.Today);
                plans.Add(await QueryPlans.ExplainAsync(database.DataSource, proposedSql, proposedParameters, "proposed streak statement (not the service's: prunes old questions)"));
                phases.Add(new Phase(label, timed, transactions, view, plans));
            }

            return phases;
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static string Ms(TimeSpan value) => Fmt.Number(value.TotalMilliseconds, "0.00") + " ms";

    private static void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));

    /// <summary>Free text a partner wrote: the dashboard never needs an answer's text, reflection or clarification.</summary>
    [GeneratedRegex(@"\.(text|reflection_text|clarification)\b")]
    private static partial Regex AnswerTextColumn();

    private sealed record Way(string Name, IReadOnlyList<Measured<DashboardView?>> Samples)
    {
        /// <summary>Nearest-rank percentile of the timed loads.</summary>
        public TimeSpan P(double fraction)
        {
            var sorted = Samples.Select(sample => sample.Elapsed).Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
        }

        public TimeSpan Mean => TimeSpan.FromTicks((long)Samples.Average(sample => sample.Elapsed.Ticks));

        public TimeSpan Min => Samples.Min(sample => sample.Elapsed);

        public TimeSpan Max => Samples.Max(sample => sample.Elapsed);

        public int MaxRoundTrips => Samples.Max(sample => sample.Statements.Count);

        public string RoundTrips
        {
            get
            {
                var min = Samples.Min(sample => sample.Statements.Count);
                return min == MaxRoundTrips ? min.ToString(CultureInfo.InvariantCulture) : $"{min}–{MaxRoundTrips}";
            }
        }

        public IReadOnlyList<string> Statements => Samples[^1].Statements;
    }

    /// <param name="Transactions">Server-side transactions per load, per way (empty when not counted in this phase).</param>
    private sealed record Phase(string Label, IReadOnlyList<Way> Ways, IReadOnlyList<double> Transactions, DashboardView View, IReadOnlyList<StatementPlan> Plans)
    {
        public Way Service => Ways[0];

        public bool ReadsAnswerText => Service.Statements.Any(sql => sql.Contains("check_in_answers", StringComparison.Ordinal) && AnswerTextColumn().IsMatch(sql));
    }

    private sealed record Outcome(
        DateTimeOffset Started,
        string LoadAtStart,
        string LoadAtEnd,
        string Command,
        string? Note,
        string? Revision,
        Machine Machine,
        DashboardSeed Seed,
        DashboardSeedFacts Facts,
        TimeSpan? Seeding,
        int Runs,
        int Warmups,
        Phase Shipped,
        Phase? Indexed)
    {
        private bool FullScale => Facts.Positives - Facts.Gratitude >= FullPositives && Facts.QuestionDays >= FullDays && Facts.Gratitude >= FullGratitude;

        private string? AutoNote => ResultsMarkdown.BusyRemark(Machine.LogicalCores, LoadAtStart, LoadAtEnd, "latencies");

        public string ConsoleSummary()
        {
            var text = new StringBuilder();
            text.AppendLine("=== Dashboard benchmark ===");
            text.AppendLine(CultureInfo.InvariantCulture, $"Heavy couple: {Fmt.Count(Facts.Positives)} positives ({Fmt.Count(Facts.Gratitude)} nightly gratitude), {Fmt.Count(Facts.QuestionDays)} days of questions, {Fmt.Count(Facts.Answers)} answers; {Fmt.Count(Facts.AllCouples)} couples, {Fmt.Count(Facts.AllPositives)} positives in all");
            foreach (var phase in new[] { Shipped, Indexed }.OfType<Phase>())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{phase.Label} ({Runs} loads each, interleaved):");
                for (var index = 0; index < phase.Ways.Count; index++)
                {
                    var way = phase.Ways[index];
                    var server = index < phase.Transactions.Count ? $" (server: {Fmt.Number(phase.Transactions[index], "0.00")} transactions/load)" : string.Empty;
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {way.Name,-52} p50 {Ms(way.P(0.50)),9}  p95 {Ms(way.P(0.95)),9}  p99 {Ms(way.P(0.99)),9}  round trips {way.RoundTrips}{server}");
                }
            }

            text.AppendLine("Targets:");
            foreach (var (target, figure, verdict) in Targets())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  [{verdict}] {target}: {figure}");
            }

            if (AutoNote is { } busy)
            {
                text.AppendLine(busy);
            }

            return text.ToString().TrimEnd();
        }

        private IEnumerable<(string Target, string Figure, string Verdict)> Targets()
        {
            var service = Shipped.Service;
            var scale = FullScale ? string.Empty : " (smaller history than the target's)";
            yield return ($"dashboard data load ≤ {P95TargetMs} ms at p95 (≥ {Fmt.Count(FullPositives)} positives, {FullDays} days of questions, {Fmt.Count(FullGratitude)} gratitude entries)",
                $"{Ms(service.P(0.95))}{scale}",
                FullScale ? Verdict(service.P(0.95).TotalMilliseconds <= P95TargetMs) : "NOT MEASURED at full scale");
            yield return ($"≤ {RoundTripTarget} SQL round trips",
                $"{service.RoundTrips} (counted on every load)",
                Verdict(service.MaxRoundTrips <= RoundTripTarget));
        }

        private static string Verdict(bool met) => met ? "MET" : "MISSED";

        public string Markdown()
        {
            var md = new StringBuilder();
            md.AppendLine("# Shared dashboard benchmark");
            md.AppendLine();
            md.AppendLine("Issue 6, \"Performance\": a couple with two years of heavy history; time the dashboard's server-side data load");
            md.AppendLine("(`DashboardService.GetAsync`, what the page calls: the couple scope via `CurrentCouple.ForUserAsync`, then");
            md.AppendLine("`LoadAsync`) and count its SQL round trips, against hand-written SQL for the same data in the same run.");
            md.AppendLine("Produced by `bench/dashboard.sh`.");
            md.AppendLine();
            foreach (var remark in new[] { Note, AutoNote }.Where(remark => !string.IsNullOrWhiteSpace(remark)))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"> **{remark}**");
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
            var seeded = Seeding is { } seeding ? $"seeded in {Fmt.Seconds(seeding)}" : "reused from an earlier run";
            md.AppendLine(CultureInfo.InvariantCulture, $"Data ({seeded}; database {Facts.DatabaseSize}): the heavy couple has **{Fmt.Count(Facts.Positives)} positives**, of them");
            md.AppendLine(CultureInfo.InvariantCulture, $"**{Fmt.Count(Facts.Gratitude)} nightly gratitude entries**, {Fmt.Count(Facts.PositivesWithNotes)} with an encrypted note; **{Fmt.Count(Facts.QuestionDays)} days of questions** (since {Facts.FirstQuestionDay:yyyy-MM-dd})");
            md.AppendLine(CultureInfo.InvariantCulture, $"with {Fmt.Count(Facts.Answers)} encrypted answers (both partners every day; today only \"you\"). The 12-week chart covers {Fmt.Count(Facts.PositivesInTwelveWeeks)} of");
            md.AppendLine(CultureInfo.InvariantCulture, $"their positives, the streak's 367 days {Fmt.Count(Facts.PositivesInStreakWindow)}. Around them: {Fmt.Count(Facts.AllCouples - 1)} other couples, so {Fmt.Count(Facts.AllPositives)} positives,");
            md.AppendLine(CultureInfo.InvariantCulture, $"{Fmt.Count(Facts.AllQuestionDays)} daily questions and {Fmt.Count(Facts.AllAnswers)} answers in all. \"Now\" is {Seed.At:yyyy-MM-dd HH:mm} UTC; home zone {Seed.Zone}.");
            md.AppendLine();

            foreach (var phase in new[] { Shipped, Indexed }.OfType<Phase>())
            {
                AppendPhase(md, phase);
            }

            AppendProposals(md);

            md.AppendLine("## How the figures are taken");
            md.AppendLine();
            md.AppendLine("- Schema from the app's EF Core migrations; data seeded set-based (`generate_series`), inserted in time order across");
            md.AppendLine("  all couples (as production writes it, so one couple's rows are spread over the heap), then `VACUUM ANALYZE`.");
            md.AppendLine("  Notes and answers are real ciphertext from the app's `FieldEncryptor` (a pool of values, each encrypted once).");
            md.AppendLine("- The service is the app's own: `AddDatabase` (its `IDbContextFactory<AppDbContext>`, Npgsql options, naming");
            md.AppendLine("  convention and field encryption), `CurrentUser`/`CurrentCouple` with a signed-in principal, `AddDashboard`, and a");
            md.AppendLine("  `TimeProvider` stopped at \"now\". Each timed load is one `GetAsync()` call, start to finish: two short-lived");
            md.AppendLine("  contexts, six queries, the 8 notes decrypted, the weeks and streak computed.");
            md.AppendLine("- Raw SQL: the same six statements through Npgsql on one pooled connection (the streak statement word for word);");
            md.AppendLine("  the same data as one `NpgsqlBatch` (one round trip; scope and today computed in SQL); and the six statements with");
            md.AppendLine("  the proposed streak statement. All decrypt the same notes and build the same `DashboardView` with the same domain");
            md.AppendLine("  code. **Every load of every kind is checked to produce the identical view** (JSON-equal).");
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Warmups} warm-up loads of each kind, then {Runs} timed loads of each, all kinds (and, with `--try-indexes`, both");
            md.AppendLine("  databases) interleaved in one loop whose order rotates every round, so load from other work falls on all alike.");
            md.AppendLine("  Sequential, one load at a time; the data is warm (shared_buffers). Percentiles are nearest-rank.");
            md.AppendLine("- `--try-indexes` copies the seeded database (`CREATE DATABASE … TEMPLATE`) and swaps the proposed indexes into the");
            md.AppendLine("  copy (same names and keys, plus INCLUDE columns; `VACUUM ANALYZE`); the app's schema is otherwise untouched.");
            md.AppendLine("- Round trips are counted on every timed load from Npgsql's own tracing (ActivitySource \"Npgsql\": one activity per");
            md.AppendLine("  command or batch sent), each load in a trace of its own; the listener is attached for every kind alike.");
            md.AppendLine(CultureInfo.InvariantCulture, $"  Cross-check from the server (as shipped): PostgreSQL's transaction count for the database (`pg_stat_database`)");
            md.AppendLine(CultureInfo.InvariantCulture, $"  over {ServerCheckLoads} further loads of each, read from another database after the backends' statistics flush. Each");
            md.AppendLine("  autocommit statement is one transaction (a batch is one). Npgsql resets a pooled connection when it goes back to");
            md.AppendLine("  the pool (`DISCARD ALL`, written together with the next command on it: no round trip of its own, but a");
            md.AppendLine("  transaction of its own): EF Core opens and closes the connection around each query, so the service shows one");
            md.AppendLine("  reset per query; the raw SQL opens one connection per load, so one reset.");
            md.AppendLine("- `EXPLAIN (ANALYZE, BUFFERS)` runs the service's own statements, captured with their parameters by an EF Core");
            md.AppendLine("  command interceptor during one extra, untimed load.");
            return md.ToString();
        }

        private void AppendProposals(StringBuilder md)
        {
            static string Streak(Phase phase, int index) => index < phase.Plans.Count ? Fmt.Number(phase.Plans[index].ExecutionMilliseconds, "0.00") + " ms" : "n/a";
            var streak = Shipped.Plans.Count - 2;
            var proposed = Shipped.Plans.Count - 1;
            md.AppendLine("## Proposed changes, measured");
            md.AppendLine();
            md.AppendLine("Nearly all the load's database time is the streak statement (a year of one couple's answers and positives) and");
            md.AppendLine("the 12-week counts: both visit one heap page per row, as each couple's rows are spread among everyone's. Two");
            md.AppendLine("changes, neither applied to the app (proposals for an EF Core migration and a one-line query change):");
            md.AppendLine();
            md.AppendLine("1. **Covering indexes**: the app's own four indexes these statements use, with INCLUDE columns so they read the");
            md.AppendLine("   index alone (index-only scans; same names and keys, so the uniqueness guards stay):");
            md.AppendLine();
            md.AppendLine("   | Index | Serves |");
            md.AppendLine("   |---|---|");
            foreach (var (_, create, why) in ProposedIndexes.All)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"   | `{create}` | {why} |");
            }

            md.AppendLine();
            md.AppendLine("2. **Streak statement prunes old questions**: `AND q.day >= today − 374` (367 days, one more for the zone, six for");
            md.AppendLine("   the answer window): a question is answered on its day or the six after, so older questions cannot have answers");
            md.AppendLine("   in the window, and a long history's older days are never visited. Same rows (checked: the same view every load).");
            md.AppendLine();
            md.AppendLine("| | As shipped | With the covering indexes |");
            md.AppendLine("|---|---|---|");
            var indexed = Indexed;
            string Both(Func<Phase, string> figure) => $"{figure(Shipped)} | {(indexed is null ? "not measured (`--try-indexes`)" : figure(indexed))}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| `DashboardService.GetAsync` p50 / p95 | {Both(phase => $"{Ms(phase.Ways[0].P(0.5))} / {Ms(phase.Ways[0].P(0.95))}")} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| raw SQL, six statements, p50 / p95 | {Both(phase => $"{Ms(phase.Ways[1].P(0.5))} / {Ms(phase.Ways[1].P(0.95))}")} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| raw SQL, six statements with the proposed streak statement, p50 / p95 | {Both(phase => $"{Ms(phase.Ways[3].P(0.5))} / {Ms(phase.Ways[3].P(0.95))}")} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| streak statement, EXPLAIN ANALYZE execution | {Both(phase => Streak(phase, streak))} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| proposed streak statement, EXPLAIN ANALYZE execution | {Both(phase => Streak(phase, proposed))} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"| 12-week counts, EXPLAIN ANALYZE execution | {Both(phase => Streak(phase, streak - 1))} |");
            md.AppendLine();
        }

        private static void AppendPhase(StringBuilder md, Phase phase)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### Timings, {phase.Label}");
            md.AppendLine();
            var counted = phase.Transactions.Count == phase.Ways.Count;
            md.AppendLine(counted
                ? "| Measurement | Round trips (Npgsql) | Server transactions per load | p50 | p95 | p99 | Mean | Min | Max |"
                : "| Measurement | Round trips (Npgsql) | p50 | p95 | p99 | Mean | Min | Max |");
            md.AppendLine(counted ? "|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|");
            for (var index = 0; index < phase.Ways.Count; index++)
            {
                var way = phase.Ways[index];
                var server = counted ? $" {Fmt.Number(phase.Transactions[index], "0.00")} |" : string.Empty;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {way.Name} | {way.RoundTrips} |{server} {Ms(way.P(0.5))} | {Ms(way.P(0.95))} | {Ms(way.P(0.99))} | {Ms(way.Mean)} | {Ms(way.Min)} | {Ms(way.Max)} |");
            }

            md.AppendLine();
            var view = phase.View;
            md.AppendLine(CultureInfo.InvariantCulture, $"The view every kind of load produced: today {view.Today:yyyy-MM-dd}, question {view.MyQuestion}/{view.PartnersQuestion}, thanked today {view.IThankedToday}/{view.PartnerThankedToday},");
            md.AppendLine(CultureInfo.InvariantCulture, $"{view.Latest.Count} latest entries ({view.Latest.Count(entry => entry.Note is not null)} with a decrypted note), this week {view.ThisWeek.Yours}+{view.ThisWeek.Partners}, last week {view.LastWeek.Yours}+{view.LastWeek.Partners}, streak {view.Streak.Days} days.");
            md.AppendLine();
            md.AppendLine("The service's statements (from Npgsql's tracing) and their plans; execution times are PostgreSQL's own, from");
            md.AppendLine(CultureInfo.InvariantCulture, $"`EXPLAIN (ANALYZE, BUFFERS)` after the timed loads (median of {QueryPlans.Repeats} runs; its plan is shown). Answer text read by the");
            md.AppendLine(CultureInfo.InvariantCulture, $"dashboard: **{(phase.ReadsAnswerText ? "YES" : "no")}** (no statement touching `check_in_answers` selects `text`, `reflection_text` or `clarification`).");
            md.AppendLine();
            md.AppendLine("| # | Statement | Execution (EXPLAIN ANALYZE) |");
            md.AppendLine("|---|---|---|");
            for (var index = 0; index < phase.Plans.Count; index++)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {index + 1} | {phase.Plans[index].Name} | {Fmt.Number(phase.Plans[index].ExecutionMilliseconds, "0.000")} ms |");
            }

            md.AppendLine();
            md.AppendLine("<details><summary>SQL and plans</summary>");
            md.AppendLine();
            for (var index = 0; index < phase.Plans.Count; index++)
            {
                var plan = phase.Plans[index];
                md.AppendLine(CultureInfo.InvariantCulture, $"{index + 1}. {plan.Name} ({plan.Parameters})");
                md.AppendLine();
                md.AppendLine("```sql");
                md.AppendLine(plan.Sql.Trim());
                md.AppendLine("```");
                md.AppendLine();
                md.AppendLine("```");
                md.AppendLine(plan.Plan);
                md.AppendLine("```");
                md.AppendLine();
            }

            md.AppendLine("</details>");
            md.AppendLine();
        }
    }
}
