using System.Diagnostics;

namespace CoupleConnect.Bench.Circuits;

/// <summary>How the circuits are held: the ramp's steps and the simulated people's pace.</summary>
public sealed record RampOptions(
    IReadOnlyList<int> Steps,
    TimeSpan ThinkMin,
    TimeSpan ThinkMax,
    TimeSpan Window,
    int StartConcurrency,
    TimeSpan StartTimeout,
    TimeSpan ClickTimeout,
    TimeSpan StepOpenLimit,
    TimeSpan HoldAfterRamp);

/// <summary>One step's figures: what the app held and how fast it answered.</summary>
public sealed record StepFigures(
    int Target,
    int Open,
    int StartFailures,
    TimeSpan OpenedIn,
    HeapReading Heap,
    long WorkingSetBytes,
    WindowFigures Latency,
    string LoadAverage)
{
    public double HeapPerCircuitBytes(HeapReading baseline) => Open == 0 ? double.NaN : (double)(Heap.LiveBytes - baseline.LiveBytes) / Open;
}

public sealed record RampResult(string Label, string Page, HeapReading Baseline, long BaselineWorkingSet, IReadOnlyList<StepFigures> Steps, string? Stopped, string? FirstError);

/// <summary>
/// Ramps one app under test through the steps: at each, opens circuits up to the step's count (a bounded number at a
/// time), lets every circuit click at its own pace (a random think time between clicks), measures the click→render
/// latencies of a window, then reads the heap after a full GC and the working set. Every wait is bounded.
/// </summary>
public sealed class CircuitRamp(AppUnderTest app, string label, string page, Func<int, string?> cookieFor, Func<ClickTarget> clickTarget, RampOptions options, Action<string> log)
{
    private readonly List<CircuitClient> _clients = [];
    private readonly List<Task> _holders = [];
    private readonly LatencySampler _sampler = new();

    public async Task<RampResult> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = options.StartConcurrency * 2 };
        using var http = new HttpClient(handler) { Timeout = options.StartTimeout };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pageUri = new Uri(app.BaseUri, page);

        // The baseline: the app started and its page prerendered once (caches and JIT warm), no circuit yet.
        using (var warm = new HttpRequestMessage(HttpMethod.Get, pageUri))
        {
            if (cookieFor(0) is { } cookie)
            {
                warm.Headers.Add("Cookie", cookie);
            }

            using var response = await http.SendAsync(warm, cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var baseline = await app.ReadHeapAsync(TimeSpan.FromMinutes(2));
        var baselineRss = app.WorkingSetBytes();
        log($"{label}: baseline heap {Mb(baseline.LiveBytes)}, working set {Mb(baselineRss)} (no circuit)");

        var steps = new List<StepFigures>();
        string? stopped = null;
        var startFailures = 0;
        string? firstStartError = null;
        try
        {
            foreach (var target in options.Steps)
            {
                var opening = Stopwatch.StartNew();
                var failuresBefore = startFailures;
                using var openLimit = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                openLimit.CancelAfter(options.StepOpenLimit);
                try
                {
                    await Parallel.ForEachAsync(Enumerable.Range(_clients.Count, Math.Max(0, target - _clients.Count)), new ParallelOptions { MaxDegreeOfParallelism = options.StartConcurrency, CancellationToken = openLimit.Token }, async (index, token) =>
                    {
                        var client = new CircuitClient(pageUri, cookieFor(index), clickTarget());
                        try
                        {
                            await client.StartAsync(http, options.StartTimeout, token);
                            lock (_clients)
                            {
                                _clients.Add(client);
                                _holders.Add(HoldAsync(client, new Random(index), stop.Token));
                            }
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                        {
                            Interlocked.Increment(ref startFailures);
                            Interlocked.CompareExchange(ref firstStartError, exception.Message, null);
                            await client.DisposeAsync();
                        }
                    });
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    stopped = $"opening {target:N0} circuits took longer than {options.StepOpenLimit.TotalMinutes:0} minutes";
                }

                var openedIn = opening.Elapsed;
                if (app.HasExited)
                {
                    stopped = $"the app {app.ExitDescription} while opening {target:N0} circuits";
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                _sampler.Begin();
                await Task.Delay(options.Window, cancellationToken);
                var latency = _sampler.End();
                if (app.HasExited)
                {
                    stopped = $"the app {app.ExitDescription} while holding {target:N0} circuits";
                    break;
                }

                int open;
                lock (_clients)
                {
                    open = _clients.Count(client => client.IsOpen);
                }

                var heap = await app.ReadHeapAsync(TimeSpan.FromMinutes(3));
                var figures = new StepFigures(target, open, startFailures - failuresBefore, openedIn, heap, app.WorkingSetBytes(), latency, Machine.LoadAverage());
                steps.Add(figures);
                log($"{label}: {open,5:N0}/{target:N0} circuits open ({figures.StartFailures} failed to start), opened in {openedIn.TotalSeconds:0} s | " +
                    $"heap {Mb(heap.LiveBytes)} ({Kb(figures.HeapPerCircuitBytes(baseline))}/circuit), working set {Mb(figures.WorkingSetBytes)} | " +
                    $"{latency.Clicks:N0} clicks: p50 {latency.P50:0} ms, p95 {latency.P95:0} ms, p99 {latency.P99:0} ms, max {latency.Max:0} ms, {latency.Timeouts} timed out | load {figures.LoadAverage}");
                if (stopped is not null)
                {
                    break;
                }

                if (figures.StartFailures > Math.Max(5, target / 20))
                {
                    stopped = $"{figures.StartFailures} circuits failed to start at {target:N0} (first: {firstStartError})";
                    break;
                }
            }
        }
        finally
        {
            if (options.HoldAfterRamp > TimeSpan.Zero && !app.HasExited)
            {
                // For a look inside with the app's circuits still open, e.g. dotnet-gcdump collect -p PID.
                log($"{label}: holding the circuits for {options.HoldAfterRamp.TotalMinutes:0} min (app process {app.ProcessId})…");
                await Task.Delay(options.HoldAfterRamp, cancellationToken);
            }

            await stop.CancelAsync();
            await Task.WhenAll(_holders).WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return new RampResult(label, page, baseline, baselineRss, steps, stopped, firstStartError ?? _sampler.FirstError);
    }

    /// <summary>One person on their dashboard: a click now and then, each timed until the server's render arrives.</summary>
    private async Task HoldAsync(CircuitClient client, Random random, CancellationToken cancellationToken)
    {
        try
        {
            // Spread the first clicks over a whole think time, so circuits opened together don't click together.
            await Task.Delay(random.NextDouble() * options.ThinkMax, cancellationToken);
            while (!cancellationToken.IsCancellationRequested && client.IsOpen)
            {
                var window = _sampler.CurrentWindow;
                try
                {
                    var latency = await client.ClickAsync(options.ClickTimeout, cancellationToken);
                    _sampler.Record(window, latency);
                }
                catch (TimeoutException)
                {
                    _sampler.Timeout(window);
                }
                catch (InvalidOperationException exception)
                {
                    _sampler.Error(window, exception.Message);
                    return;
                }

                await Task.Delay(options.ThinkMin + random.NextDouble() * (options.ThinkMax - options.ThinkMin), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Closes every circuit (a bounded number at a time).</summary>
    public async Task CloseAllAsync()
    {
        await Parallel.ForEachAsync(_clients, new ParallelOptions { MaxDegreeOfParallelism = 64 }, (client, _) => client.DisposeAsync());
        _clients.Clear();
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";

    public static string Kb(double bytes) => double.IsNaN(bytes) ? "n/a" : $"{bytes / 1024.0:N0} KB";
}
