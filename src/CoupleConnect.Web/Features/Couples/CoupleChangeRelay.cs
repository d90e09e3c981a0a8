using Npgsql;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// Carries couple changes between app instances with PostgreSQL LISTEN/NOTIFY. The payload is only
/// "instance|audience|change kind" (a couple id, or the account id of one person not yet in a couple): no names, no text. Each instance ignores its own notifications (it delivered
/// them locally already). A lost notification only delays a refresh; nothing is stored through this path.
/// </summary>
public sealed class CoupleChangeRelay(NpgsqlDataSource dataSource, ILogger<CoupleChangeRelay> logger)
{
    public const string Channel = "coupleconnect_couple_changes";

    /// <summary>Tells this instance's notifications apart from the others'.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public async Task SendAsync(string audience, CoupleChange change)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", $"{InstanceId}|{audience}|{change}");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // Other instances' pages refresh on their next load instead; this instance already delivered locally.
            logger.LogWarning(exception, "Could not relay a couple change to other instances");
        }
    }

    internal bool TryParse(string payload, out string audience, out CoupleChange change)
    {
        audience = string.Empty;
        change = default;
        var parts = payload.Split('|');
        if (parts.Length != 3 || parts[0] == InstanceId || !ChangeAudience.IsWellFormed(parts[1]) || !Enum.TryParse(parts[2], out change))
        {
            return false;
        }

        audience = parts[1];
        return true;
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
        if (relay.TryParse(payload, out var audience, out var change))
        {
            // Off the connection's thread: listeners re-render Blazor components.
            var notifier = services.GetRequiredService<CoupleNotifier>();
            _ = Task.Run(() => notifier.DeliverLocallyAsync(audience, change));
        }
    }
}
