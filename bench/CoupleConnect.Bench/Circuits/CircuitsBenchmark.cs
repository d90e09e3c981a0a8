using System.Globalization;
using System.Text;
using CoupleConnect.Bench.Dashboard;
using Npgsql;

namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// Issue 8's circuits benchmark: N signed-in people on their shared dashboard, each a real Blazor Server circuit held
/// by the headless <see cref="CircuitClient"/> and clicking every 10–30 s; the app in its own process on one core
/// under a 3.5 GB GC heap limit; ramped 100 → 5,000, and the same on the bare .NET 10 Blazor template's counter page.
/// </summary>
public static class CircuitsBenchmark
{
    public const string Summary = "Blazor Server circuits 100 → 5,000: heap, working set, click→render p95, vs the bare template (issue 8)";

    private const double P95TargetMs = 200;
    private const double HeapRatioTarget = 2.0;
    private const int CircuitTarget = 5_000;
    private const string HeapHardLimit = "0xE0000000";

    private const string Usage = """
        Usage: CoupleConnect.Bench circuits [options]      (bench/circuits.sh sets up PostgreSQL, cores and limits)

          --server CONNSTR        PostgreSQL to use (default: $CC_BENCH_PG, else $CC_PG_CONNSTR); the benchmark creates
                                  and drops its own database there (ccbench_circuits); needs CREATEDB
          --steps LIST            circuit counts to ramp through (default 100,500,1000,2000,3500,5000)
          --think-min S           shortest pause between one circuit's clicks, seconds (default 10)
          --think-max S           longest pause, seconds (default 30)
          --window S              measuring window at each step, seconds (default 60)
          --start-concurrency N   circuits being opened at once (default 16)
          --step-limit MIN        longest time to open one step's circuits, minutes (default 20)
          --app-core N            the core the apps under test are pinned to (default 0)
          --app-port N            loopback port of CoupleConnect (default 5381)
          --bare-port N           loopback port of the bare template (default 5382)
          --hold-minutes N        after the last step, keep the circuits open N minutes (at most 60) to look inside
                                  the app (its process id is printed), e.g. with dotnet-gcdump
          --skip-bare             ramp CoupleConnect only (no ratio)
          --skip-app              ramp the bare template only
          --work DIR              where the apps' logs and probe sockets go (default /tmp/cc-circuits-<pid>)
          --results FILE          write the Markdown results there
          --command TEXT          the command line to record in the results
          --note TEXT             a remark to record
          --revision TEXT         the code's revision to record
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var server = args.Value("server") ?? Environment.GetEnvironmentVariable("CC_BENCH_PG") ?? Environment.GetEnvironmentVariable("CC_PG_CONNSTR");
        var steps = (args.Value("steps") ?? "100,500,1000,2000,3500,5000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(step => int.TryParse(step.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0
                ? count
                : throw new BenchUsageException($"--steps expects counts such as 100,500,1000, not '{step}'."))
            .Order()
            .ToList();
        var thinkMin = args.Number("think-min", 10);
        var thinkMax = Math.Max(thinkMin, args.Number("think-max", 30));
        var options = new RampOptions(
            steps,
            TimeSpan.FromSeconds(thinkMin),
            TimeSpan.FromSeconds(thinkMax),
            TimeSpan.FromSeconds(Math.Max(5, args.Number("window", 60))),
            Math.Max(1, args.Number("start-concurrency", 16)),
            StartTimeout: TimeSpan.FromSeconds(90),
            ClickTimeout: TimeSpan.FromSeconds(30),
            StepOpenLimit: TimeSpan.FromMinutes(Math.Max(1, args.Number("step-limit", 20))),
            HoldAfterRamp: TimeSpan.FromMinutes(Math.Min(60, args.Number("hold-minutes", 0))));
        var core = args.Number("app-core", 0).ToString(CultureInfo.InvariantCulture);
        var appPort = args.Number("app-port", 5381);
        var barePort = args.Number("bare-port", 5382);
        var skipBare = args.Flag("skip-bare");
        var skipApp = args.Flag("skip-app");
        var work = args.Value("work") ?? Path.Combine(Path.GetTempPath(), $"cc-circuits-{Environment.ProcessId}");
        var resultsPath = args.Value("results");
        var command = args.Value("command") ?? "dotnet run -c Release --project bench/CoupleConnect.Bench -- circuits";
        var note = args.Value("note");
        var revision = args.Value("revision");
        args.RejectUnknown();

        if (string.IsNullOrWhiteSpace(server))
        {
            throw new BenchUsageException("No PostgreSQL given: pass --server, set CC_BENCH_PG, or run bench/circuits.sh (it starts one).");
        }

        var webDll = SiblingProject("CoupleConnect.Web");
        var bareDll = SiblingProject("BareBlazor");
        Directory.CreateDirectory(work);
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = Machine.LoadAverage();
        var people = steps[^1] + (steps[^1] % 2);
        Log($"Circuits benchmark: steps {string.Join(" → ", steps.Select(step => Fmt.Count(step)))}, a click every {thinkMin}–{thinkMax} s per circuit, {options.Window.TotalSeconds:0} s windows; apps on core {core}, GC heap limit {HeapHardLimit}; load {loadAtStart}");

        await using var database = await BenchDatabase.OpenAsync(server, "ccbench_circuits", keep: false);
        var machine = await Machine.DescribeAsync(database.DataSource);
        var appSettings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:DefaultConnection"] = database.ConnectionString,
            ["CoupleConnect:Encryption:CurrentKeyId"] = BenchDatabase.EncryptionKeyId,
            [$"CoupleConnect:Encryption:Keys:{BenchDatabase.EncryptionKeyId}"] = BenchDatabase.EncryptionKey,
        };

        var results = new List<RampResult>();
        if (!skipApp)
        {
            Log($"Seeding {Fmt.Count(people)} people in {Fmt.Count(people / 2)} couples, a few weeks of ordinary history each…");
            var seed = new DashboardSeed(TimeProvider.System.GetUtcNow(), DashboardSeed.DefaultZone, Days: 42, Positives: 40, Gratitude: 20, OtherCouples: (people / 2) - 1, OtherPositives: 40, OtherQuestionShare: 0.6);
            await DashboardSeeder.SeedAsync(database.DataSource, seed, Log);
            var userIds = await UserIdsAsync(database.DataSource);
            Log($"Signing {Fmt.Count(userIds.Count)} people in (sign-in cookies from the app's own Identity and Data Protection setup)…");
            var cookies = await SignInCookies.MintAsync(appSettings, userIds);

            var environment = appSettings.ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value!, StringComparer.Ordinal);
            // Production refuses to start without SMTP; nothing is due to be sent in this run, so nothing listens there.
            environment["Email__Smtp__Host"] = "127.0.0.1";
            environment["Email__Smtp__Port"] = "2";
            await using var app = await AppUnderTest.StartAsync("coupleconnect", webDll, appPort, core, HeapHardLimit, environment, work, TimeSpan.FromMinutes(3));
            var ramp = new CircuitRamp(app, "CoupleConnect", "/", index => cookies[index % cookies.Count], () => ClickTarget.KindChips(nameof(CoupleConnect.Domain.Positives.PositiveKind.KindWord), nameof(CoupleConnect.Domain.Positives.PositiveKind.Help)), options, Log);
            results.Add(await RunRampAsync(ramp));
        }

        if (!skipBare)
        {
            await using var bare = await AppUnderTest.StartAsync("bare-template", bareDll, barePort, core, HeapHardLimit, new Dictionary<string, string>(StringComparer.Ordinal), work, TimeSpan.FromMinutes(3));
            var ramp = new CircuitRamp(bare, "bare template", "/counter", _ => null, ClickTarget.CounterButton, options, Log);
            results.Add(await RunRampAsync(ramp));
        }

        var outcome = new CircuitsOutcome(started, loadAtStart, Machine.LoadAverage(), command, note, revision, machine, options, core, results);
        Console.WriteLine();
        Console.WriteLine(outcome.Summary());
        if (resultsPath is not null)
        {
            await File.WriteAllTextAsync(resultsPath, outcome.Markdown());
            Log($"Results written to {resultsPath}");
        }

        return 0;
    }

    private static async Task<RampResult> RunRampAsync(CircuitRamp ramp)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromHours(3));
        try
        {
            return await ramp.RunAsync(cancel.Token);
        }
        finally
        {
            await ramp.CloseAllAsync();
        }
    }

    /// <summary>The seeded people in seeding order (person1, person2 … are partners), so circuit i is person i+1.</summary>
    private static async Task<IReadOnlyList<string>> UserIdsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id FROM "AspNetUsers" ORDER BY substring(user_name FROM '^person([0-9]+)@')::int
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>An app built into the same artifacts folder as the bench (bin/NAME/release/NAME.dll).</summary>
    private static string SiblingProject(string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", name, configuration, name + ".dll"));
        return File.Exists(dll) ? dll : throw new BenchUsageException($"{dll} is missing: bench/circuits.sh builds it (the bare template: bench/lib/bare-blazor.sh; the app: src/{name}) into the same artifacts path.");
    }

    private static void Log(string message) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[circuits {TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}"));

    internal static double P95Target => P95TargetMs;

    internal static double RatioTarget => HeapRatioTarget;

    internal static int TopTarget => CircuitTarget;

    internal static string HeapLimit => HeapHardLimit;
}
