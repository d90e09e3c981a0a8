using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using Npgsql;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// The naive design's job: one Hangfire recurring job per person and kind, firing at their local time. It does the
/// dispatcher's work for one person: read the recipient's facts, apply the same skip rules, write the one outbox row
/// (same idempotency key, ON CONFLICT DO NOTHING). There is no schedule row to advance: the cron is the schedule.
/// </summary>
public static class NaiveReminderJob
{
    private const string FactsSql = """
        SELECT u.time_zone_id, u.email_confirmed, u.email_bounced_at IS NOT NULL,
               p.question_reminder_on, p.gratitude_reminder_on, p.partner_activity_on,
               m.couple_id, c.home_time_zone_id,
               EXISTS (SELECT 1 FROM couple_members o WHERE o.couple_id = m.couple_id AND o.user_id <> u.id AND o.left_at IS NULL)
        FROM "AspNetUsers" u
        LEFT JOIN reminder_preferences p ON p.user_id = u.id
        LEFT JOIN couple_members m ON m.user_id = u.id AND m.left_at IS NULL
        LEFT JOIN couples c ON c.id = m.couple_id
        WHERE u.id = @user
        """;

    private const string AnsweredSql = """
        SELECT EXISTS (
            SELECT 1 FROM daily_questions q
            JOIN check_in_answers a ON a.daily_question_id = q.id AND a.author_id = @user
            WHERE q.couple_id = @couple AND q.day = @day)
        """;

    private const string InsertSql = """
        INSERT INTO reminder_outbox (user_id, kind, local_date, due_utc, created_utc, status, skip_reason, attempts, next_attempt_utc)
        VALUES (@user, @kind, @date, @due, @now, @status, @reason, 0, CASE WHEN @status = 'Pending' THEN @due END)
        ON CONFLICT (user_id, kind, local_date, subject_id, channel) DO NOTHING
        """;

    private static NpgsqlDataSource? _dataSource;

    /// <summary>Where the jobs write: set by the benchmark before the Hangfire server starts.</summary>
    public static void UseDatabase(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public static async Task RunAsync(string userId, string kind)
    {
        var dataSource = _dataSource ?? throw new InvalidOperationException("NaiveReminderJob.UseDatabase was not called.");
        var now = DateTimeOffset.UtcNow;
        // The job knows only that its cron fired: the due instant is the minute it fired in.
        var due = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var reminderKind = Enum.Parse<ReminderKind>(kind);

        await using var connection = await dataSource.OpenConnectionAsync();
        TimeZoneId zone;
        bool confirmed, bounced, kindOn, paired;
        Guid? coupleId;
        TimeZoneId? coupleZone;
        await using (var facts = new NpgsqlCommand(FactsSql, connection))
        {
            facts.Parameters.AddWithValue("user", userId);
            await using var reader = await facts.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return;
            }

            zone = TimeZoneId.ParseOrUtc(reader.GetString(0));
            confirmed = reader.GetBoolean(1);
            bounced = reader.GetBoolean(2);
            kindOn = reminderKind switch
            {
                ReminderKind.DailyQuestion => reader.IsDBNull(3) || reader.GetBoolean(3),
                ReminderKind.EveningGratitude => reader.IsDBNull(4) || reader.GetBoolean(4),
                _ => reader.IsDBNull(5) || reader.GetBoolean(5),
            };
            coupleId = reader.IsDBNull(6) ? null : reader.GetGuid(6);
            coupleZone = reader.IsDBNull(7) ? null : TimeZoneId.ParseOrUtc(reader.GetString(7));
            paired = coupleId is not null && reader.GetBoolean(8);
        }

        var answered = false;
        if (reminderKind == ReminderKind.DailyQuestion && paired)
        {
            await using var lookup = new NpgsqlCommand(AnsweredSql, connection);
            lookup.Parameters.AddWithValue("user", userId);
            lookup.Parameters.AddWithValue("couple", coupleId!.Value);
            lookup.Parameters.AddWithValue("day", (coupleZone ?? zone).LocalDate(due));
            answered = (bool)(await lookup.ExecuteScalarAsync())!;
        }

        var reason = ReminderRules.SkipReason(new ReminderFacts(reminderKind, kindOn, confirmed, bounced, paired, answered, due, now));
        await using var insert = new NpgsqlCommand(InsertSql, connection);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("kind", kind);
        insert.Parameters.AddWithValue("date", ReminderClock.LocalDateOf(zone, due));
        insert.Parameters.AddWithValue("due", due);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("status", (reason is null ? ReminderStatus.Pending : ReminderStatus.Skipped).ToString());
        insert.Parameters.AddWithValue("reason", (object?)reason?.ToString() ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
    }
}
