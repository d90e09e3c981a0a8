using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoupleConnect.Bench.Reliability;

/// <summary>
/// The real app as a process of its own (the published Release build, <c>dotnet CoupleConnect.Web.dll</c>), configured
/// through environment variables as in production, its output appended to a log file. <see cref="KillHardAsync"/> is
/// SIGKILL: no shutdown code of the app runs.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    public AppProcess(string dll, int port, IReadOnlyDictionary<string, string> settings, string logPath)
    {
        _dll = dll;
        Port = port;
        _settings = settings;
        _logPath = logPath;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _process is { HasExited: false };

    public int Starts { get; private set; }

    /// <summary>The bench's own settings every app process gets (Production, loopback, a fixed benchmark key).</summary>
    public static Dictionary<string, string> BaseSettings(string connectionString, int smtpPort) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__DefaultConnection"] = connectionString,
        ["CoupleConnect__Encryption__CurrentKeyId"] = BenchDatabase.EncryptionKeyId,
        [$"CoupleConnect__Encryption__Keys__{BenchDatabase.EncryptionKeyId}"] = BenchDatabase.EncryptionKey,
        ["CoupleConnect__ApplyMigrationsAtStartup"] = "false",
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__Smtp__Security"] = "None",
        ["Email__Smtp__AllowUnencrypted"] = "true", // the benchmark's own sink on loopback
        // Links in the emails are never followed here; the host is what matters (only it is served outside Development).
        ["CoupleConnect__PublicUrl"] = "http://127.0.0.1/",
        ["Email__FromAddress"] = "hello@coupleconnect.local",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__CoupleConnect"] = "Information",
        ["DOTNET_gcServer"] = "1",
    };

    public static string DllFromEnvironment() =>
        Environment.GetEnvironmentVariable("CC_BENCH_APP_DLL") is { Length: > 0 } dll && File.Exists(dll)
            ? dll
            : throw new BenchUsageException("CC_BENCH_APP_DLL must name the published CoupleConnect.Web.dll (the bench/*.sh script publishes it).");

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_HTTP_PORTS"] = string.Empty;
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        // The previous process has exited (and its output been read to the end) before a restart.
        _log?.Dispose();
        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        _log = log;
        log.WriteLine($"----- start {Starts + 1} at {DateTimeOffset.UtcNow:O} -----");
        _process?.Dispose();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
    }

    /// <summary>Waits until /health/ready answers 200 (database and all), or throws after <paramref name="timeout"/>.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"The app on port {Port} exited while starting (see {_logPath}).");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app on port {Port} was not ready within {timeout.TotalSeconds:0} s (see {_logPath}).");
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillHardAsync()
    {
        if (_process is { } process && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM (the app's graceful shutdown), then SIGKILL if it is still there after <paramref name="grace"/>; true if it exited by itself.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process is not { HasExited: false } process)
        {
            return true;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillHardAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        _process?.Dispose();
        _log?.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
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
}
