using System.Buffers;
using System.Net;
using System.Text;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace CoupleConnect.Bench.Reliability;

/// <summary>
/// A counting SMTP sink for the crash and two-instance runs, in a process of its own so that killing the app never
/// touches it: accepts every message on 127.0.0.1 and appends its Message-ID (one line each) to a file, flushed
/// before the server answers 250. A line in the file is therefore exactly "the server accepted this message".
/// </summary>
public static class SmtpSink
{
    public const string Summary = "an SMTP sink on loopback that writes each accepted Message-ID to a file (for crash / two-instances)";

    private const string Usage = """
        Usage: CoupleConnect.Bench smtp-sink --port N --out FILE

          --port N     port on 127.0.0.1 to listen on
          --out FILE   file that gets one line per accepted message: its Message-ID (appended, flushed before "250 OK")
        Prints "listening" once the port is open; stops on SIGTERM / Ctrl+C.
        """;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.HelpRequested)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var port = args.Number("port", 0);
        var path = args.Value("out") ?? throw new BenchUsageException("--out FILE is required.");
        args.RejectUnknown();
        if (port == 0)
        {
            throw new BenchUsageException("--port N is required.");
        }

        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, cancel) =>
        {
            cancel.Cancel = true;
            stopping.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();

        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.bench")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(new MessageIdStore(file));
        var running = new SmtpServerHost(options, services).StartAsync(stopping.Token);
        Console.WriteLine("listening");
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Cancelling is how the server stops.
        }

        return 0;
    }

    private sealed class MessageIdStore(FileStream file) : IMessageStore
    {
        private readonly Lock _gate = new();

        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            var line = Encoding.UTF8.GetBytes((message.MessageId ?? "(none)") + "\n");
            lock (_gate)
            {
                file.Write(line);
                file.Flush();
            }

            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
