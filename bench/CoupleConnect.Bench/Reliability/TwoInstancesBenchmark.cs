using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Npgsql;

namespace CoupleConnect.Bench.Reliability;

/// <summary>
/// Issue 8, item 6: two app processes (published Release) on two loopback ports against one database, behind Debian's
/// nginx running the shipped deploy/nginx/coupleconnect.conf, through a simulated day of reminders: a login cookie from one
/// instance on the other, a positive logged on one instance live on a dashboard served by the other, then the instance
/// serving that dashboard stopped mid-day: the browser reconnects to the other and no reminder is lost or sent twice.
/// </summary>
public static class TwoInstancesBenchmark
{
    public const string Summary = "two app instances behind nginx through a compressed day of reminders: cookies, live updates, failover (issue 8)";

    private const string Usage = """
        Usage: CoupleConnect.Bench two-instances [options]      (bench/two-instances.sh sets everything up)

          --server CONNSTR     PostgreSQL (default: $CC_BENCH_PG, else $CC_PG_CONNSTR); the run creates and drops ccbench_two
          --people N           people seeded (couples across 30 zones; default 2,000): their every daily reminder is the day
          --window SECONDS     the day compressed into this many real seconds (default 180)
          --stop-at SECONDS    when (after the window opens) to stop the instance serving the browser (default 60)
          --nginx-conf FILE    the shipped nginx configuration (default deploy/nginx/coupleconnect.conf)
          --results FILE       write the Markdown results there
          --command/--note/--revision TEXT   recorded with the results
        Needs CC_BENCH_APP_DLL (the published CoupleConnect.Web.dll), nginx and /usr/bin/chromium.
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var server = args.Value("server") ?? Environment.GetEnvironmentVariable("CC_BENCH_PG") ?? Environment.GetEnvironmentVariable("CC_PG_CONNSTR");
        var people = args.Number("people", 2_000);
        var window = TimeSpan.FromSeconds(args.Number("window", 180));
        var stopAt = TimeSpan.FromSeconds(args.Number("stop-at", 60));
        var nginxConf = args.Value("nginx-conf") ?? "deploy/nginx/coupleconnect.conf";
        var resultsPath = args.Value("results");
        var command = args.Value("command") ?? "bench/two-instances.sh";
        var note = args.Value("note");
        var revision = args.Value("revision");
        args.RejectUnknown();
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new BenchUsageException("No PostgreSQL given: pass --server, set CC_BENCH_PG, or run bench/two-instances.sh (it starts one).");
        }

        var dll = AppProcess.DllFromEnvironment();
        var work = Directory.CreateTempSubdirectory("cc-two-");
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers (user nobody) reach their temp folder inside it.
            File.SetUnixFileMode(work.FullName, (UnixFileMode)0x1ED);
        }
        var clock = Stopwatch.StartNew();
        var loadAtStart = Machine.LoadAverage();
        var checks = new List<Check>();
        Console.WriteLine($"Two instances: {Fmt.Count(people)} people, a day in {window.TotalSeconds:0} s; logs in {work.FullName}");

        await using var database = await BenchDatabase.OpenAsync(server, "ccbench_two", keep: false);
        var machine = await Machine.DescribeAsync(database.DataSource);
        var day = new DayOfReminders(database.DataSource);
        var windowStart = DateTimeOffset.UtcNow.AddSeconds(60);
        var reminders = await day.SeedAsync(people, windowStart, window);
        Console.WriteLine($"  {Fmt.Count(reminders)} reminders due between {windowStart:HH:mm:ss} and {windowStart + window:HH:mm:ss} UTC");

        await using var sink = await SinkProcess.StartAsync(Path.Combine(work.FullName, "message-ids.txt"));
        var ports = new[] { AppProcess.FreePort(), AppProcess.FreePort() };
        var nginxPort = 0;
        AppProcess Instance(int index, int proxyPort)
        {
            var settings = AppProcess.BaseSettings(database.ConnectionString, sink.Port);
            settings["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
            settings["CoupleConnect__Reminders__JobsCron"] = "*/5 * * * * *";
            settings["CoupleConnect__Jobs__PollIntervalSeconds"] = "1";
            settings["CoupleConnect__Reminders__SendLeaseSeconds"] = "30";
            settings["CoupleConnect__PublicUrl"] = $"http://127.0.0.1:{proxyPort}/";
            return new AppProcess(dll, ports[index], settings, Path.Combine(work.FullName, $"app-{(char)('a' + index)}.log"));
        }

        nginxPort = AppProcess.FreePort();
        await using var a = Instance(0, nginxPort);
        await using var b = Instance(1, nginxPort);
        a.Start();
        b.Start();
        await Task.WhenAll(a.WaitReadyAsync(TimeSpan.FromSeconds(120)), b.WaitReadyAsync(TimeSpan.FromSeconds(120)));
        Console.WriteLine($"  instances ready on :{a.Port} and :{b.Port} after {Fmt.Seconds(clock.Elapsed)}");
        await using var nginx = await NginxProcess.StartAsync(nginxConf, work.FullName, ports);
        Console.WriteLine($"  nginx on :{nginx.Port} (the shipped {nginxConf}, listen and upstream servers rewritten)");

        // 1. A login cookie from one instance is valid on the other (requests straight to each instance's port).
        var cookie = await LoginCookie.SignInAsync(a.BaseAddress, DayOfReminders.Email(1), DayOfReminders.Password, forwardedHttps: true);
        var onB = await LoginCookie.GetAsync(b.BaseAddress, "Account/Manage", cookie);
        var onBWithout = await LoginCookie.GetAsync(b.BaseAddress, "Account/Manage", null);
        var onA = await LoginCookie.GetAsync(a.BaseAddress, "Account/Manage", cookie);
        checks.Add(new Check(
            "a login cookie from one instance is valid on the other",
            $"signed in on A (:{a.Port}); GET /Account/Manage on B (:{b.Port}) with A's cookie: {(int)onB.Status}; on A: {(int)onA.Status}; on B without it: {(int)onBWithout.Status} → {onBWithout.Location}",
            onB.Status == HttpStatusCode.OK && onA.Status == HttpStatusCode.OK && onBWithout.Status == HttpStatusCode.Redirect));
        var secure = cookie.Contains("secure", StringComparison.OrdinalIgnoreCase);
        checks.Add(new Check(
            "the app honours X-Forwarded-Proto (ASPNETCORE_FORWARDEDHEADERS_ENABLED)",
            $"the sign-in posted over plain HTTP with `X-Forwarded-Proto: https` got a {(secure ? "Secure" : "non-Secure")} auth cookie (cookie policy: same as request)",
            secure));
        Console.WriteLine($"  {checks[^2]}\n  {checks[^1]}");

        // 2. A positive logged through one instance appears live on a dashboard served by the other.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserPhone.LaunchOptions());
        Assertions.SetDefaultExpectTimeout(30_000);
        await using var sam = await BrowserPhone.OpenAsync(browser, nginx.BaseAddress, "Europe/Berlin");
        await sam.SignInAsync(DayOfReminders.Email(2), DayOfReminders.Password);
        var samInstancePort = nginx.LastUpstreamPortFor("/_blazor/negotiate") ?? throw new InvalidOperationException("nginx logged no /_blazor/negotiate");
        var samServer = samInstancePort == a.Port ? a : b;
        var other = samServer == a ? b : a;
        var label = (AppProcess instance) => instance == a ? $"A (:{a.Port})" : $"B (:{b.Port})";
        await using var alex = await BrowserPhone.OpenAsync(browser, other.BaseAddress, "Europe/Berlin");
        await alex.SignInAsync(DayOfReminders.Email(1), DayOfReminders.Password);
        var firstNote = $"carried the shopping home {Guid.NewGuid().ToString("N")[..6]}";
        var samLoads = sam.Loads.Count;
        await alex.LogPositiveAsync(firstNote);
        var logged = Stopwatch.StartNew();
        var liveOk = await Appears(sam.FeedEntry(firstNote));
        checks.Add(new Check(
            "a positive logged on one instance appears live on a dashboard served by the other",
            $"Sam's dashboard through nginx is served by {label(samServer)}; Alex logs a positive on {label(other)} directly; it {(liveOk ? $"appeared on Sam's open dashboard {Fmt.Seconds(logged.Elapsed)} after Alex saw \"Logged\", no reload" : "did not appear within 30 s")}",
            liveOk && sam.Loads.Count == samLoads));
        Console.WriteLine($"  {checks[^1]}");

        // 3. Mid-day, stop the instance serving Sam's dashboard: the browser reconnects to the other, no reminder is lost.
        var untilStop = windowStart + stopAt - DateTimeOffset.UtcNow;
        if (untilStop > TimeSpan.Zero)
        {
            await Task.Delay(untilStop);
        }

        var beforeStop = await day.ProgressAsync();
        var loadsBeforeStop = sam.Loads.Count;
        var stopped = Stopwatch.StartNew();
        var stoppedAt = DateTimeOffset.UtcNow;
        // The host's own shutdown timeout is 30 s: give it more, so a stop that has to be forced is seen as such.
        var graceful = await samServer.StopAsync(TimeSpan.FromSeconds(60));
        var stopTook = stopped.Elapsed;
        Console.WriteLine($"  stopped {label(samServer)} (SIGTERM{(graceful ? string.Empty : ", then SIGKILL after 60 s")}) at {stoppedAt:HH:mm:ss} in {Fmt.Seconds(stopTook)}: {Fmt.Count(beforeStop.Undispatched)} reminders not dispatched yet, {Fmt.Count(beforeStop.Pending)} pending");
        var recovered = await WaitAsync(async () => sam.Loads.Count > loadsBeforeStop && await IsInteractiveAsync(sam.Page), TimeSpan.FromSeconds(90));
        var recoveredAfter = stopped.Elapsed;
        var nowServedBy = nginx.LastUpstreamPortFor("/_blazor/negotiate");
        var secondNote = $"made tea without asking {Guid.NewGuid().ToString("N")[..6]}";
        var workingAfter = false;
        if (recovered)
        {
            await alex.LogPositiveAsync(secondNote);
            workingAfter = await Appears(sam.FeedEntry(secondNote));
            await sam.Page.ScreenshotAsync(new() { Path = Path.Combine(work.FullName, "sam-after-failover.png") });
        }

        var states = string.Join(" → ", sam.ReconnectStates.Select(state => $"{state.State} (+{(state.At - stoppedAt).TotalSeconds:0.0} s)"));
        checks.Add(new Check(
            "stopping one instance: the browser reconnects to the other (through nginx)",
            $"reconnect UI: {(states.Length == 0 ? "no state change seen" : states)}; page reloaded and interactive again {Fmt.Seconds(recoveredAfter)} after the stop began, circuit now on {(nowServedBy == other.Port ? label(other) : nowServedBy?.ToString(CultureInfo.InvariantCulture) ?? "?")}; a new positive from Alex then appeared live: {(workingAfter ? "yes" : "no")}",
            recovered && nowServedBy == other.Port && workingAfter && sam.ReconnectStates.Any(state => state.State == "show")));
        Console.WriteLine($"  {checks[^1]}");

        // 4. The rest of the day on the surviving instance, then count at the sink.
        var dayEnds = windowStart + window;
        (long Undispatched, long Pending, long Sent) progress;
        var drainDeadline = dayEnds + TimeSpan.FromMinutes(4);
        while (true)
        {
            progress = await day.ProgressAsync();
            if ((DateTimeOffset.UtcNow > dayEnds && progress.Undispatched == 0 && progress.Pending == 0) || DateTimeOffset.UtcNow > drainDeadline)
            {
                break;
            }

            await Task.Delay(1000);
        }

        var doneAt = DateTimeOffset.UtcNow;
        await other.StopAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        var verdict = await day.VerdictAsync(sink.Received(), "coupleconnect.local");
        checks.Add(new Check(
            "a simulated day of reminders across two instances: 0 lost",
            $"{Fmt.Count(verdict.Reminders)} outbox rows ({Fmt.Count(reminders)} scheduled reminders + partner-activity reminders): {Fmt.Count(verdict.Sent)} sent, {verdict.Skipped} skipped by the skip rules; lost {verdict.Lost} (never dispatched {verdict.NeverDispatched}, pending or failed {verdict.PendingOrFailed}, sent but not at the sink {verdict.SentButNotReceived})",
            verdict.Lost == 0));
        checks.Add(new Check(
            "0 duplicate emails at the sink",
            $"{Fmt.Count(verdict.ReceivedMessages)} messages at the sink, {verdict.Duplicates} duplicates, {verdict.Unknown} not from the outbox",
            verdict.Duplicates == 0 && verdict.Unknown == 0));
        Console.WriteLine($"  {checks[^2]}\n  {checks[^1]}");

        var loadAtEnd = Machine.LoadAverage();
        var markdown = TwoInstancesReport.Markdown(new TwoInstancesRun(
            machine, command, revision, note, people, reminders, window, stopAt, windowStart, doneAt, clock.Elapsed, loadAtStart, loadAtEnd, checks,
            label(samServer), label(other), stopTook, graceful, beforeStop.Undispatched, beforeStop.Pending));
        if (resultsPath is not null)
        {
            await File.WriteAllTextAsync(resultsPath, markdown);
            var screenshot = Path.Combine(work.FullName, "sam-after-failover.png");
            if (File.Exists(screenshot))
            {
                File.Copy(screenshot, Path.Combine(Path.GetDirectoryName(resultsPath)!, "two-instances-after-failover.png"), overwrite: true);
            }

            Console.WriteLine($"Results written to {resultsPath}");
        }

        if (alex.Taps > 0)
        {
            Console.WriteLine($"  note: {alex.Taps} tap(s) on a positive's kind had to be repeated (the busy machine)");
        }

        Console.WriteLine(checks.All(check => check.Passed) ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED");
        return checks.All(check => check.Passed) ? 0 : 1;
    }

    private static async Task<bool> Appears(ILocator locator)
    {
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = 30_000 });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static async Task<bool> IsInteractiveAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>("() => window.__ccInteractive === true");
        }
        catch (PlaywrightException)
        {
            // The page is navigating (the reload).
            return false;
        }
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}

public sealed record Check(string Target, string Figure, bool Passed)
{
    public override string ToString() => $"[{(Passed ? "PASS" : "FAIL")}] {Target}: {Figure}";
}
