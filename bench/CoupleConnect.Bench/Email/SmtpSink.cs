using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package, as the integration tests use), in this process: greeting,
/// EHLO, AUTH (required, as a submission server requires it), optionally STARTTLS, MAIL/RCPT/DATA, QUIT, over TCP. It
/// keeps no message, only each one's Message-ID, so the benchmark can check every message arrived exactly once.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string UserName = "bench";
    public const string Password = "bench-password";

    private readonly ConcurrentDictionary<string, int> _messageIds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _serverPort;
    private Task? _running;
    private LatencyRelay? _relay;
    private int _sessions;
    private int _messages;

    private SmtpSink(int serverPort) => _serverPort = serverPort;

    /// <summary>Where clients connect: the server itself, or the relay that puts a round trip in front of it.</summary>
    public int Port => _relay?.Port ?? _serverPort;

    /// <summary>The network round trip added in front of the server (zero: plain loopback).</summary>
    public TimeSpan RoundTrip { get; private init; }

    /// <summary>SMTP sessions (TCP connections) since the last <see cref="Reset"/>.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Messages accepted since the last <see cref="Reset"/>.</summary>
    public int Messages => Volatile.Read(ref _messages);

    /// <summary>Message-IDs received more than once since the last <see cref="Reset"/>.</summary>
    public int Duplicates => _messageIds.Values.Count(count => count > 1);

    public bool Received(string messageId, out int times) => _messageIds.TryGetValue(messageId, out times);

    /// <param name="certificate">With one, the server offers STARTTLS on the same port (as a submission server on 587 does).</param>
    /// <param name="roundTrip">More than zero: clients reach the server through a <see cref="LatencyRelay"/> with this round trip.</param>
    public static async Task<SmtpSink> StartAsync(X509Certificate2? certificate, TimeSpan roundTrip = default)
    {
        var sink = new SmtpSink(FreeLoopbackPort()) { RoundTrip = roundTrip };
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.bench.local")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, sink._serverPort)).AuthenticationRequired(true).AllowUnsecureAuthentication(certificate is null);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }
            })
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(new DelegatingUserAuthenticator((user, password) => user == UserName && password == Password));
        services.Add(new Store(sink));
        services.Add(new NoDelayListenerFactory());
        var host = new SmtpServerHost(options, services);
        host.SessionCreated += (_, _) => Interlocked.Increment(ref sink._sessions);
        sink._running = host.StartAsync(sink._stopping.Token);
        await WaitForListenerAsync(sink._serverPort);
        if (roundTrip > TimeSpan.Zero)
        {
            sink._relay = LatencyRelay.Start(sink._serverPort, roundTrip);
        }

        return sink;
    }

    public void Reset()
    {
        _messageIds.Clear();
        Volatile.Write(ref _sessions, 0);
        Volatile.Write(ref _messages, 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }

        await _stopping.CancelAsync();
        try
        {
            if (_running is not null)
            {
                await _running;
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelling is how the server stops.
        }

        _stopping.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Until the listening socket is up; the probe connection is counted and cleared by the first Reset.</summary>
    private static async Task WaitForListenerAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>The Message-ID header's value without angle brackets, read from the raw header block (no MIME parse).</summary>
    private static string? MessageIdOf(ReadOnlySequence<byte> message)
    {
        var headerLength = (int)Math.Min(message.Length, 16 * 1024);
        var headers = Encoding.ASCII.GetString(message.Slice(0, headerLength).ToArray());
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                return line["Message-Id:".Length..].Trim().Trim('<', '>');
            }
        }

        return null;
    }

    private sealed class Store(SmtpSink sink) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var id = MessageIdOf(buffer) ?? "(none)";
            sink._messageIds.AddOrUpdate(id, 1, (_, count) => count + 1);
            Interlocked.Increment(ref sink._messages);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
