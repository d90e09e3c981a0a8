using Npgsql;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// Carries couple changes between app instances with PostgreSQL LISTEN/NOTIFY. The payload is only
/// "instance|couple id|change kind": no names, no text. Each instance ignores its own notifications (it delivered
/// them locally already). A lost notification only delays a refresh; nothing is stored through this path.
/// </summary>
public sealed class CoupleChangeRelay(NpgsqlDataSource dataSource, ILogger<CoupleChangeRelay> logger)
{
    public const string Channel = "coupleconnect_couple_changes";

    /// <summary>Tells this instance's notifications apart from the others'.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task SendAsync(Guid coupleId, CoupleChange change)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", $"{InstanceId}|{coupleId:N}|{change}");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // Other instances' pages refresh on their next load instead; this instance already delivered locally.
            logger.LogWarning(exception, "Could not relay a couple change to other instances");
        }
    }

    internal bool TryParse(string payload, out Guid coupleId, out CoupleChange change)
    {
        coupleId = Guid.Empty;
        change = default;
        var parts = payload.Split('|');
        return parts.Length == 3
            && parts[0] != InstanceId
            && Guid.TryParseExact(parts[1], "N", out coupleId)
            && Enum.TryParse(parts[2], out change);
    }
}

/// <summary>Holds one connection that LISTENs for other instances' couple changes; reconnects with backoff.</summary>
internal sealed class CoupleChangeListener(NpgsqlDataSource dataSource, CoupleChangeRelay relay, IServiceProvider services, ILogger<CoupleChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => OnNotification(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {CoupleChangeRelay.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Listening for couple changes failed; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (relay.TryParse(payload, out var coupleId, out var change))
        {
            // Off the connection's thread: listeners re-render Blazor components.
            var notifier = services.GetRequiredService<CoupleNotifier>();
            _ = Task.Run(() => notifier.DeliverLocallyAsync(coupleId, change));
        }
    }
}
