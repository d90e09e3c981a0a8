using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>One message as the test SMTP server took it, with the connection (session) it came over.</summary>
public sealed record ReceivedMail(string SessionId, MimeMessage Message)
{
    public string MessageId => Message.MessageId ?? string.Empty;
}

/// <summary>
/// A real SMTP server on 127.0.0.1 inside the test process (the SmtpServer package), so the app's own MailKit client
/// talks real SMTP. It can accept, refuse an address for good (550 on RCPT), answer "try later" (451 after DATA) for
/// the next N messages, refuse a message for good (554 after DATA), and be stopped (unreachable) and started again on
/// the same port. It counts connections and records every accepted message.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentDictionary<string, byte> _refusedAddresses = new(StringComparer.OrdinalIgnoreCase);
    private SmtpHostRun? _run;
    private int _connections;
    private int _temporaryFailuresLeft;
    private int _messageRejectionsLeft;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>Connections (SMTP sessions) opened since the last <see cref="Reset"/>.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every message accepted since the last <see cref="Reset"/>, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Temporary failures still to be answered (451) before messages are accepted again.</summary>
    public int TemporaryFailuresLeft => Volatile.Read(ref _temporaryFailuresLeft);

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer(FreeLoopbackPort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>How many accepted messages carry this Message-ID (without angle brackets).</summary>
    public int TimesReceived(string messageId) => _received.Count(mail => mail.MessageId == messageId);

    /// <summary>Answers 550 to RCPT TO for this address, as a server does for a mailbox that does not exist.</summary>
    public void RefuseAddress(string address) => _refusedAddresses[address] = 0;

    /// <summary>Answers "550 5.7.1 Relaying denied" to RCPT TO: a refusal about our setup, not the person's mailbox.</summary>
    public void RefuseAddressByPolicy(string address) => _refusedAddresses[address] = 1;

    public void AcceptAddress(string address) => _refusedAddresses.TryRemove(address, out _);

    /// <summary>Answers "451 try again later" to the next <paramref name="messages"/> messages (after their DATA).</summary>
    public void FailTemporarily(int messages) => Volatile.Write(ref _temporaryFailuresLeft, messages);

    /// <summary>Answers "554 message refused" to the next <paramref name="messages"/> messages (after their DATA).</summary>
    public void RejectMessages(int messages) => Volatile.Write(ref _messageRejectionsLeft, messages);

    /// <summary>Forgets what was received and counted, and goes back to accepting everything.</summary>
    public void Reset()
    {
        _received.Clear();
        _refusedAddresses.Clear();
        Volatile.Write(ref _connections, 0);
        Volatile.Write(ref _temporaryFailuresLeft, 0);
        Volatile.Write(ref _messageRejectionsLeft, 0);
    }

    /// <summary>Stops listening: connecting is refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_run is { } run)
        {
            _run = null;
            await run.StopAsync();
        }

        await WaitUntilAsync(listening: false);
    }

    public async Task StartAgainAsync()
    {
        if (_run is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(new AddressFilter(this));
        services.Add(new Store(this));
        var host = new SmtpServerHost(options, services);
        host.SessionCreated += (_, _) => Interlocked.Increment(ref _connections);
        var stopping = new CancellationTokenSource();
        _run = new SmtpHostRun(host.StartAsync(stopping.Token), stopping);

        // Wait for the listening socket itself, without connecting (a probe would count as a session).
        await WaitUntilAsync(listening: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task WaitUntilAsync(bool listening)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IsListening() != listening)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The test SMTP server on port {Port} did not {(listening ? "start" : "stop")} listening within 10 s.");
            }

            await Task.Delay(20);
        }
    }

    private bool IsListening() =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Any(endpoint => endpoint.Port == Port && IPAddress.IsLoopback(endpoint.Address));

    private sealed record SmtpHostRun(Task Running, CancellationTokenSource Stopping)
    {
        public async Task StopAsync()
        {
            await Stopping.CancelAsync();
            try
            {
                await Running;
            }
            catch (OperationCanceledException)
            {
                // Cancelling is how the server stops.
            }
            finally
            {
                Stopping.Dispose();
            }
        }
    }

    private sealed class AddressFilter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (server._refusedAddresses.TryGetValue(to.AsAddress(), out var refusal))
            {
                // The replies a real server gives on RCPT: for an unknown mailbox (permanent), or for a policy it applies.
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)550, refusal == 0 ? "5.1.1 No such mailbox here" : "5.7.1 Relaying denied"));
            }

            return Task.FromResult(true);
        }
    }

    private sealed class Store(TestSmtpServer server) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (TakeOne(ref server._temporaryFailuresLeft))
            {
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "4.3.0 Busy, try again later"));
            }

            if (TakeOne(ref server._messageRejectionsLeft))
            {
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)554, "5.6.0 Message refused"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(new ReceivedMail(context.SessionId.ToString(), MimeMessage.Load(stream, cancellationToken)));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
