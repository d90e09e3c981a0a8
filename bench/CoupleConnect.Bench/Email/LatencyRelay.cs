using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// A TCP relay on loopback that holds every chunk for half a round trip in each direction, as the network between an
/// app and its mail provider does. This machine's kernel has no netem queueing discipline (CONFIG_NET_SCH_NETEM is
/// off), so the delay is added in user space. Only latency is added: chunks are read as fast as they come and written
/// in order once their time has come, so bandwidth is not limited. Timers make each leg wait at least its half round
/// trip and up to about a millisecond more.
/// </summary>
public sealed class LatencyRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _targetPort;
    private readonly long _oneWayTicks;
    private Task _accepting = Task.CompletedTask;

    private LatencyRelay(int targetPort, TimeSpan roundTrip)
    {
        _targetPort = targetPort;
        _oneWayTicks = (long)(roundTrip.TotalSeconds / 2 * Stopwatch.Frequency);
    }

    /// <summary>Where clients connect to reach the target through the delay.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static LatencyRelay Start(int targetPort, TimeSpan roundTrip)
    {
        var relay = new LatencyRelay(targetPort, roundTrip);
        relay._listener.Start();
        relay._accepting = relay.AcceptAsync(relay._stopping.Token);
        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(stopping);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client, stopping);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken stopping)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (client)
        {
            client.NoDelay = true;
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, connection.Token);
                await Task.WhenAll(PumpAsync(client, server, connection), PumpAsync(server, client, connection));
            }
            catch (Exception ended) when (ended is OperationCanceledException or SocketException)
            {
                // The server was gone or the benchmark is stopping: the client sees its connection close.
            }
        }
    }

    /// <summary>One direction: read as it comes, write each chunk half a round trip later, pass the close on.</summary>
    private async Task PumpAsync(Socket from, Socket to, CancellationTokenSource connection)
    {
        var delayed = Channel.CreateUnbounded<(long Due, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteWhenDueAsync(delayed.Reader, to, connection);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, connection.Token);
                if (read == 0)
                {
                    break;
                }

                delayed.Writer.TryWrite((Stopwatch.GetTimestamp() + _oneWayTicks, buffer[..read]));
            }
        }
        catch (Exception failed) when (failed is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await connection.CancelAsync();
        }

        delayed.Writer.TryComplete();
        await writing;
    }

    private static async Task WriteWhenDueAsync(ChannelReader<(long Due, byte[] Data)> delayed, Socket to, CancellationTokenSource connection)
    {
        try
        {
            await foreach (var (due, data) in delayed.ReadAllAsync(connection.Token))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, connection.Token);
                }

                for (var sent = 0; sent < data.Length;)
                {
                    sent += await to.SendAsync(data.AsMemory(sent), SocketFlags.None, connection.Token);
                }
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception failed) when (failed is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await connection.CancelAsync();
        }
    }
}
