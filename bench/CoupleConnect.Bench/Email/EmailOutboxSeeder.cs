using Npgsql;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// <c>reminders</c> paired, confirmed people in Berlin (couples of two, default preferences), each with one outbox row:
/// odd people the morning question, even people the evening gratitude reminder, the two kinds everyone has on. Set-based.
/// <see cref="ResetAsync"/> puts a chosen number of rows back to Pending and due a minute ago, as the dispatcher
/// leaves them, so every timed run drains the same outbox from the same state.
/// </summary>
public static class EmailOutboxSeeder
{
    private const string SeedSql = """
        INSERT INTO "AspNetUsers" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                                   concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                   display_name, time_zone_id, created_at)
        SELECT u.id, u.email, upper(u.email), u.email, upper(u.email), TRUE, md5(u.id), md5(u.id || 'c'), FALSE, FALSE, TRUE, 0,
               CASE WHEN i % 2 = 1 THEN 'Alex ' ELSE 'Sam ' END || ((i + 1) / 2), 'Europe/Berlin', @now - interval '90 days'
        FROM generate_series(1, @people) AS i,
             LATERAL (SELECT md5('cc-bench-email-user-' || i)::uuid::text AS id, 'person' || i || '@example.test' AS email) AS u;

        INSERT INTO couples (id, name, home_time_zone_id, created_at)
        SELECT md5('cc-bench-email-couple-' || c)::uuid, 'Couple ' || c, 'Europe/Berlin', @now - interval '90 days'
        FROM generate_series(1, @people / 2) AS c;

        INSERT INTO couple_members (couple_id, user_id, joined_at)
        SELECT md5('cc-bench-email-couple-' || ((i + 1) / 2))::uuid, md5('cc-bench-email-user-' || i)::uuid::text, @now - interval '90 days'
        FROM generate_series(1, @people) AS i;

        INSERT INTO reminder_preferences (user_id, question_reminder_on, question_reminder_at, gratitude_reminder_on, gratitude_reminder_at, partner_activity_on)
        SELECT md5('cc-bench-email-user-' || i)::uuid::text, TRUE, time '08:00', TRUE, time '21:00', TRUE
        FROM generate_series(1, @people) AS i;

        INSERT INTO reminder_outbox (user_id, kind, local_date, due_utc, created_utc, status, attempts, next_attempt_utc)
        SELECT md5('cc-bench-email-user-' || i)::uuid::text, CASE WHEN i % 2 = 1 THEN 'DailyQuestion' ELSE 'EveningGratitude' END,
               (@now AT TIME ZONE 'Europe/Berlin')::date, @now, @now, 'Sent', 1, NULL
        FROM generate_series(1, @people) AS i;
        """;

    /// <summary>Back to Pending, due a minute ago: the first <paramref name="pending"/> rows; the rest stay Sent. Today's questions go too.</summary>
    private const string ResetSql = """
        UPDATE reminder_outbox o SET
            status = CASE WHEN r.n <= @pending THEN 'Pending' ELSE 'Sent' END,
            skip_reason = NULL, attempts = 0, sent_utc = NULL, last_error = NULL,
            due_utc = @due, created_utc = @due, local_date = (@due AT TIME ZONE 'Europe/Berlin')::date,
            next_attempt_utc = CASE WHEN r.n <= @pending THEN @due END
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM reminder_outbox) r
        WHERE r.id = o.id;
        DELETE FROM daily_questions;
        """;

    public static async Task SeedAsync(NpgsqlDataSource dataSource, int people)
    {
        await using var command = dataSource.CreateCommand(SeedSql);
        command.Parameters.AddWithValue("people", people);
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await VacuumAsync(dataSource);
    }

    /// <summary>The ids of the rows now pending, in id order.</summary>
    public static async Task<IReadOnlyList<long>> ResetAsync(NpgsqlDataSource dataSource, int pending)
    {
        await using (var reset = dataSource.CreateCommand(ResetSql))
        {
            reset.Parameters.AddWithValue("pending", pending);
            reset.Parameters.AddWithValue("due", DateTimeOffset.UtcNow.AddMinutes(-1));
            reset.CommandTimeout = 0;
            await reset.ExecuteNonQueryAsync();
        }

        await VacuumAsync(dataSource);
        var ids = new List<long>();
        await using var select = dataSource.CreateCommand("SELECT id FROM reminder_outbox WHERE status = 'Pending' ORDER BY id");
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Rows the sender marked Sent since the last reset (sent_utc set).</summary>
    public static async Task<long> SentCountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM reminder_outbox WHERE status = 'Sent' AND sent_utc IS NOT NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task VacuumAsync(NpgsqlDataSource dataSource)
    {
        await using var vacuum = dataSource.CreateCommand("VACUUM ANALYZE");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }
}
