using CoupleConnect.Domain.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// "Sam answered today's question — your turn": queued through the same outbox when one partner answers, at most
/// once per person and local day, and only for people who asked for it. The sender checks again before sending, so
/// answering in the meantime (or answering together) sends nothing.
/// </summary>
public sealed class PartnerActivityReminders(NpgsqlDataSource dataSource, ReminderOutboxStore outbox, TimeProvider timeProvider, IOptions<ReminderOptions> options, ILogger<PartnerActivityReminders> logger)
{
    private const string ZoneSql = """SELECT time_zone_id FROM "AspNetUsers" WHERE id = @user_id""";

    public async Task QueueAsync(string recipientId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var zoneCommand = new NpgsqlCommand(ZoneSql, connection);
            zoneCommand.Parameters.AddWithValue("user_id", recipientId);
            var zone = TimeZoneId.ParseOrUtc(await zoneCommand.ExecuteScalarAsync(cancellationToken) as string);

            var now = timeProvider.GetUtcNow();
            await outbox.QueuePartnerActivityAsync(recipientId, zone.LocalDate(now), now.AddSeconds(options.Value.PartnerActivityDelaySeconds), cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            // The answer is saved already; a missing "your turn" email must not turn that into an error.
            logger.LogWarning(exception, "Could not queue a partner-activity reminder");
        }
    }
}
