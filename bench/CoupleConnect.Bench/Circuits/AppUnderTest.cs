using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CoupleConnect.Bench.Circuits;

/// <summary>The managed heap after a full compacting GC, the GC's committed bytes and that GC's pause.</summary>
public sealed record HeapReading(long LiveBytes, long HeapSizeBytes, long CommittedBytes, double PauseMs);

/// <summary>
/// An app under test in its own process, as production runs it: `dotnet App.dll`, Release, Production environment,
/// pinned to one core (taskset) and capped by DOTNET_GCHeapHardLimit, listening on loopback only. The benchmark's
/// startup hook (<c>StartupHook</c>) answers heap readings on a Unix socket; the working set comes from /proc.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _probeSocket;
    private readonly StreamWriter _log;

    private AppUnderTest(Process process, string probeSocket, StreamWriter log, Uri baseUri)
    {
        _process = process;
        _probeSocket = probeSocket;
        _log = log;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string ExitDescription => _process.HasExited ? $"exited with code {_process.ExitCode}" : "running";

    public static async Task<AppUnderTest> StartAsync(
        string name, string dll, int port, string core, string heapHardLimit, IReadOnlyDictionary<string, string> environment, string workDirectory, TimeSpan timeout)
    {
        var probeSocket = Path.Combine(workDirectory, $"{name}.heap.sock");
        var baseUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("taskset")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", core, "dotnet", dll })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseUri.ToString().TrimEnd('/');
        start.Environment["CoupleConnect__PublicUrl"] = baseUri.ToString();
        start.Environment["DOTNET_GCHeapHardLimit"] = heapHardLimit;
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(AppUnderTest).Assembly.Location;
        start.Environment["CC_BENCH_HEAP_PROBE"] = probeSocket;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(workDirectory, $"{name}.log"), append: false, Encoding.UTF8) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.OutputDataReceived += (_, line) => WriteLine(log, line.Data);
        process.ErrorDataReceived += (_, line) => WriteLine(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(process, probeSocket, log, baseUri);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} {app.ExitDescription} before answering; see {workDirectory}/{name}.log.");
            }

            try
            {
                using var response = await http.GetAsync(baseUri);
                if (File.Exists(probeSocket))
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"{name} did not answer on {baseUri} within {timeout.TotalSeconds:0} s; see {workDirectory}/{name}.log.");
    }

    /// <summary>VmRSS from /proc/PID/status: what the process holds in RAM.</summary>
    public long WorkingSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }

    public async Task<HeapReading> ReadHeapAsync(TimeSpan timeout)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var cancel = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_probeSocket), cancel.Token);
        var buffer = new byte[256];
        var length = 0;
        while (length == 0 || buffer[length - 1] != (byte)'\n')
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancel.Token);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var parts = Encoding.ASCII.GetString(buffer, 0, length).Trim().Split(' ');
        return new HeapReading(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        File.Delete(_probeSocket);
    }
}
