using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 1: deploy/nginx/coupleconnect.conf, as shipped (only its listen line, upstream servers and server name
/// filled in, as the nginx image's template step would), passes requests for its own host and closes the connection on
/// any other Host, so a forged Host never reaches the app. Debian's nginx runs it (./test.sh installs it when missing).
/// </summary>
public sealed partial class TheShippedNginxServesOnlyItsHost : IAsyncLifetime
{
    private const string ServerName = "couples.example.test";

    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "cc-nginx-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _upstreamApp;
    private Process? _nginx;
    private int _port;

    public async Task InitializeAsync()
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists);
        Assert.True(nginx is not null, "nginx is not installed (apt-get install -y nginx; ./test.sh does it when it can).");

        var upstreamPort = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{upstreamPort}");
        _upstreamApp = builder.Build();
        _upstreamApp.Run(context => context.Response.WriteAsync("app saw host " + context.Request.Host));
        await _upstreamApp.StartAsync();

        _port = FreePort();
        Directory.CreateDirectory(Path.Combine(_workDirectory, "temp"));
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx", "coupleconnect.conf"));
        var conf = UpstreamServerLine().Replace(shipped, match => $"{match.Groups["indent"].Value}server 127.0.0.1:{upstreamPort}{match.Groups["rest"].Value}");
        conf = ListenLine().Replace(conf, $"${{indent}}listen 127.0.0.1:{_port}${{options}};");
        conf = conf.Replace("${COUPLECONNECT_SERVER_NAME}", ServerName, StringComparison.Ordinal);
        Assert.DoesNotContain("${", conf, StringComparison.Ordinal);
        var temp = Path.Combine(_workDirectory, "temp");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, (UnixFileMode)0x1FF); // nginx's workers run as nobody
        }

        await File.WriteAllTextAsync(Path.Combine(_workDirectory, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{_workDirectory}}/nginx.pid;
            error_log {{_workDirectory}}/error.log warn;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                {{conf}}
            }
            """);

        var start = new ProcessStartInfo(nginx!) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", _workDirectory, "-c", Path.Combine(_workDirectory, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        _nginx = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync())
        {
            Assert.False(_nginx.HasExited, "nginx exited at once: " + await _nginx.StandardError.ReadToEndAsync());
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "nginx did not start listening within 20 s.");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        if (_upstreamApp is not null)
        {
            await _upstreamApp.DisposeAsync();
        }

        Directory.Delete(_workDirectory, recursive: true);
    }

    [Fact]
    public async Task ItsOwnHostReachesTheApp()
    {
        var (status, body) = await GetWithHostAsync(ServerName);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("app saw host " + ServerName, body);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1")]
    public async Task AnyOtherHostIsClosedWithoutAnAnswer(string host)
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => GetWithHostAsync(host));

        Assert.Contains("ended prematurely", refused.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetWithHostAsync(string host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{_port}/");
        request.Headers.Host = host;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, _port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoupleConnect.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CoupleConnect.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)server [a-z0-9.-]+:8080(?<rest>[^;\n]*;)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServerLine();

    [GeneratedRegex(@"^(?<indent>[ \t]*)listen 80(?<options>[^;\n]*);", RegexOptions.Multiline)]
    private static partial Regex ListenLine();
}
