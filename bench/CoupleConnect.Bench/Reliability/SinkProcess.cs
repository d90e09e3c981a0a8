using System.Diagnostics;

namespace CoupleConnect.Bench.Reliability;

/// <summary>The <see cref="SmtpSink"/> as a separate process of this same bench executable, and what it recorded.</summary>
public sealed class SinkProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SinkProcess(Process process, int port, string path)
    {
        _process = process;
        Port = port;
        MessageIdsPath = path;
    }

    public int Port { get; }

    public string MessageIdsPath { get; }

    public static async Task<SinkProcess> StartAsync(string messageIdsPath)
    {
        File.Delete(messageIdsPath);
        var port = AppProcess.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(SmtpSink).Assembly.Location, "smtp-sink", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", messageIdsPath })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "listening")
        {
            throw new InvalidOperationException($"The SMTP sink did not start (it said '{line}').");
        }

        return new SinkProcess(process, port, messageIdsPath);
    }

    /// <summary>How many times the sink accepted each Message-ID.</summary>
    public Dictionary<string, int> Received()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(MessageIdsPath))
        {
            return counts;
        }

        using var reader = new StreamReader(new FileStream(MessageIdsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                counts[line] = counts.GetValueOrDefault(line) + 1;
            }
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
