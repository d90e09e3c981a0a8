using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CoupleConnect.Bench.Reliability;

/// <summary>
/// Debian's nginx on a loopback port, running the shipped <c>deploy/nginx/coupleconnect.conf</c> with only its
/// <c>listen</c> line and its upstream's <c>server</c> lines rewritten to loopback ports; everything else (stickiness,
/// WebSocket upgrade, forwarded headers, failover) is the file as shipped. The access log names the instance
/// (<c>$upstream_addr</c>) that served each request.
/// </summary>
public sealed partial class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NginxProcess(Process process, int port, string accessLog)
    {
        _process = process;
        Port = port;
        AccessLogPath = accessLog;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string AccessLogPath { get; }

    public static async Task<NginxProcess> StartAsync(string shippedConf, string workDirectory, IReadOnlyList<int> appPorts)
    {
        var port = AppProcess.FreePort();
        var shipped = await File.ReadAllTextAsync(shippedConf);
        var servers = UpstreamServerLine().Matches(shipped);
        if (servers.Count != appPorts.Count)
        {
            throw new InvalidOperationException($"{shippedConf} has {servers.Count} upstream server lines; the run has {appPorts.Count} instances.");
        }

        var index = 0;
        var conf = UpstreamServerLine().Replace(shipped, match => $"{match.Groups["indent"].Value}server 127.0.0.1:{appPorts[index++]}{match.Groups["rest"].Value}");
        conf = ListenLine().Replace(conf, $"${{indent}}listen 127.0.0.1:{port}${{options}};");
        conf = conf.Replace("${COUPLECONNECT_SERVER_NAME}", "127.0.0.1", StringComparison.Ordinal); // the image's template step, by hand
        var temp = Path.Combine(workDirectory, "nginx-temp");
        Directory.CreateDirectory(temp);
        if (!OperatingSystem.IsWindows())
        {
            // nginx's workers run as nobody: they write request bodies and buffers here.
            File.SetUnixFileMode(temp, (UnixFileMode)0x1FF);
        }
        await File.WriteAllTextAsync(Path.Combine(workDirectory, "coupleconnect.conf"), conf);
        var accessLog = Path.Combine(workDirectory, "nginx-access.log");
        await File.WriteAllTextAsync(Path.Combine(workDirectory, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{workDirectory}}/nginx.pid;
            error_log {{workDirectory}}/nginx-error.log warn;
            events { worker_connections 1024; }
            http {
                log_format upstreams '$time_iso8601 $request_method $uri $status upstream=$upstream_addr';
                access_log {{accessLog}} upstreams;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{workDirectory}}/coupleconnect.conf;
            }
            """);

        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", workDirectory, "-c", Path.Combine(workDirectory, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start nginx (apt-get install -y nginx).");
        var waited = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited at once: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"));
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
        }

        return new NginxProcess(process, port, accessLog);
    }

    /// <summary>The instance (its port) nginx sent the latest request for a path starting with <paramref name="pathPrefix"/> to.</summary>
    public int? LastUpstreamPortFor(string pathPrefix)
    {
        if (!File.Exists(AccessLogPath))
        {
            return null;
        }

        using var reader = new StreamReader(new FileStream(AccessLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        int? port = null;
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length >= 5 && parts[2].StartsWith(pathPrefix, StringComparison.Ordinal) && UpstreamPort().Match(parts[^1]) is { Success: true } match)
            {
                port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The whole tree: killing only the master would leave its worker process behind, listening on the port.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)server [a-z0-9.-]+:8080(?<rest>[^;\n]*;)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServerLine();

    [GeneratedRegex(@"^(?<indent>[ \t]*)listen 80(?<options>[^;\n]*);", RegexOptions.Multiline)]
    private static partial Regex ListenLine();

    // "upstream=127.0.0.1:5001" or, after a failover, "upstream=127.0.0.1:5001, 127.0.0.1:5002": the last one answered.
    [GeneratedRegex(@"127\.0\.0\.1:(?<port>\d+)$")]
    private static partial Regex UpstreamPort();
}
