using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Nudges;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>
/// "Sam answered today's question — your turn": queued through the same outbox when one partner answers, at most
/// once per person and local day, and only for people who asked for it. The sender checks again before sending, so
/// answering in the meantime (or answering together) sends nothing.
/// </summary>
public sealed class PartnerActivityNudges(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<NudgeOptions> options, ILogger<PartnerActivityNudges> logger)
{
    private const string QueueSql = """
        INSERT INTO nudge_outbox (user_id, kind, local_date, due_utc, created_utc, status, attempts, next_attempt_utc)
        SELECT u.id, @kind, @local_date, @due, @now, 'Pending', 0, @due
        FROM "AspNetUsers" u
        LEFT JOIN nudge_preferences p ON p.user_id = u.id
        WHERE u.id = @user_id AND COALESCE(p.partner_activity_on, TRUE)
        ON CONFLICT (user_id, kind, local_date, ritual_id) DO NOTHING
        """;

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
            await using var command = new NpgsqlCommand(QueueSql, connection);
            command.Parameters.AddWithValue("kind", NudgeKind.PartnerActivity.ToString());
            command.Parameters.AddWithValue("local_date", zone.LocalDate(now));
            command.Parameters.AddWithValue("due", now.AddSeconds(options.Value.PartnerActivityDelaySeconds));
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("user_id", recipientId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            // The answer is saved already; a missing "your turn" email must not turn that into an error.
            logger.LogWarning(exception, "Could not queue a partner-activity nudge");
        }
    }
}
