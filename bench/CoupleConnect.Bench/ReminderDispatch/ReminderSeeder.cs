using System.Diagnostics;
using CoupleConnect.Domain.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.Bench.ReminderDispatch;

/// <summary>
/// Fills a migrated database with <c>users</c> people, paired into couples, with reminder preferences and schedule rows,
/// set-based (generate_series), so a million people take about a minute. Exactly <c>due</c> schedule rows are due at
/// <c>at</c> (one per chosen person, their preferred local time set to that minute in their zone, so the dispatcher's
/// next-due computation is the real one); every other row is due later, within the next 24 hours.
///
/// Everyone due is eligible (email confirmed, paired, kind on, address fine): every due row becomes a Pending outbox
/// row, the dispatcher's most expensive path, and the raw INSERT … SELECT writes exactly the same rows.
/// </summary>
public static class ReminderSeeder
{
    /// <summary>A fixed instant so runs are comparable: a Tuesday, mid-week, away from DST transitions in the north.</summary>
    public static readonly DateTimeOffset DefaultAt = new(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);

    /// <summary>2^31 - 1 is prime, so i → i·P mod N permutes 1..N for any N below it: exactly <c>due</c> people are chosen.</summary>
    private const long Spreader = 2147483647;

    /// <summary>Of the people with a phone, this share want the daily question on it only (no email).</summary>
    public const double PushOnlyQuestionShare = 0.1;

    private static readonly (string Label, string Sql)[] Steps =
    [
        ("bench schema", """
            DROP SCHEMA IF EXISTS bench CASCADE;
            CREATE SCHEMA bench;
            CREATE TABLE bench.meta (users int NOT NULL, due int NOT NULL, at timestamptz NOT NULL, push_share float8 NOT NULL, seeded_utc timestamptz NOT NULL);
            """),
        ("couples' home zones", """
            CREATE UNLOGGED TABLE bench.zone_slots AS
            SELECT slot - 1 AS slot, zone FROM unnest(@zones::text[]) WITH ORDINALITY AS z(zone, slot);
            ALTER TABLE bench.zone_slots ADD PRIMARY KEY (slot);
            SELECT setseed(0.4242);
            CREATE UNLOGGED TABLE bench.couples AS
            SELECT c.couple_no, md5('cc-bench-couple-' || c.couple_no)::uuid AS couple_id, z.zone AS home_zone
            FROM (SELECT n AS couple_no, floor(random() * @slots)::int AS slot FROM generate_series(1, @users / 2) AS n) c
            JOIN bench.zone_slots z ON z.slot = c.slot;
            ALTER TABLE bench.couples ADD PRIMARY KEY (couple_no);
            """),
        ("people and their choices", """
            CREATE UNLOGGED TABLE bench.people AS
            WITH base AS (
                SELECT i,
                       (i + 1) / 2 AS couple_no,
                       md5('cc-bench-user-' || i)::uuid::text AS user_id,
                       CASE WHEN (i::bigint * @spreader) % @users < @due
                            THEN CASE WHEN random() < 0.5 THEN 'DailyQuestion' ELSE 'EveningGratitude' END
                       END AS due_kind,
                       random() AS r_away,
                       floor(random() * @slots)::int AS away_slot,
                       random() AS r_q, random() AS r_g, random() AS r_qt, random() AS r_gt, random() AS r_b, random() AS r_pa,
                       random() AS r_age,
                       -- From a hash, not random(): adding push left every other seeded value as it was before push.
                       ('x' || lpad(substr(md5('cc-bench-push-' || i), 1, 12), 16, '0'))::bit(64)::bigint / 281474976710656.0 AS r_push,
                       ('x' || lpad(substr(md5('cc-bench-push-' || i), 13, 12), 16, '0'))::bit(64)::bigint / 281474976710656.0 AS r_push_only
                FROM generate_series(1, @users) AS i
            ), zoned AS (
                -- Partners mostly share a zone; one in ten second partners lives elsewhere (long distance).
                SELECT b.*, CASE WHEN b.i % 2 = 0 AND b.r_away < 0.1 THEN z.zone ELSE c.home_zone END AS zone
                FROM base b
                JOIN bench.couples c ON c.couple_no = b.couple_no
                JOIN bench.zone_slots z ON z.slot = b.away_slot
            )
            SELECT i, couple_no, user_id, zone, due_kind,
                   coalesce(due_kind = 'DailyQuestion', false) OR r_q >= 0.05 AS question_on,
                   CASE WHEN due_kind = 'DailyQuestion' THEN (@at AT TIME ZONE zone)::time
                        WHEN r_qt < 0.6 THEN time '08:00'
                        ELSE time '06:00' + floor((r_qt - 0.6) / 0.4 * 17) * interval '15 minutes'
                   END AS question_at,
                   coalesce(due_kind = 'EveningGratitude', false) OR r_g >= 0.2 AS gratitude_on,
                   CASE WHEN due_kind = 'EveningGratitude' THEN (@at AT TIME ZONE zone)::time
                        WHEN r_gt < 0.6 THEN time '21:00'
                        ELSE time '19:00' + floor((r_gt - 0.6) / 0.4 * 17) * interval '15 minutes'
                   END AS gratitude_at,
                   due_kind IS NULL AND r_b < 0.003 AS bounced,
                   r_pa >= 0.1 AS partner_activity_on,
                   @at - r_age * interval '400 days' AS created_at,
                   r_push < @push_share AS has_push,
                   r_push < @push_share AND r_push_only < @push_only_question_share AS push_only_question
            FROM zoned;
            -- What each due row should become, kept apart from the app's tables so the outbox can be checked against it.
            CREATE TABLE bench.due AS SELECT user_id, due_kind AS kind, has_push, push_only_question FROM bench.people WHERE due_kind IS NOT NULL;
            ALTER TABLE bench.due ADD PRIMARY KEY (user_id, kind);
            """),
        ("AspNetUsers", """
            INSERT INTO "AspNetUsers" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled,
                lockout_end, lockout_enabled, access_failed_count, display_name, time_zone_id, created_at, email_bounced_at)
            SELECT user_id, 'person' || i || '@example.com', 'PERSON' || i || '@EXAMPLE.COM',
                   'person' || i || '@example.com', 'PERSON' || i || '@EXAMPLE.COM', true,
                   -- Realistic row width: an Identity v3 hash is 84 characters, stamps 32 and 36.
                   'AQAAAAIAAYagAAAAE' || md5('h' || i) || md5('s' || i) || 'AAAA==',
                   upper(md5('st' || i)), md5('cs' || i)::uuid::text, NULL, false, false,
                   NULL, true, 0, 'Person ' || i, zone, created_at, CASE WHEN bounced THEN created_at END
            FROM bench.people
            ORDER BY i;
            """),
        ("couples", """
            INSERT INTO couples (id, name, home_time_zone_id, anniversary, created_at, ended_at, ended_by_id)
            SELECT c.couple_id, 'Person ' || (2 * c.couple_no - 1) || ' & Person ' || (2 * c.couple_no), c.home_zone, NULL,
                   p.created_at, NULL, NULL
            FROM bench.couples c
            JOIN bench.people p ON p.i = 2 * c.couple_no - 1
            ORDER BY c.couple_no;
            """),
        ("couple_members", """
            INSERT INTO couple_members (couple_id, user_id, joined_at, left_at)
            SELECT c.couple_id, p.user_id, p.created_at, NULL
            FROM bench.people p
            JOIN bench.couples c ON c.couple_no = p.couple_no
            ORDER BY p.i;
            """),
        ("reminder_preferences", """
            INSERT INTO reminder_preferences (user_id, question_reminder_on, question_reminder_at, gratitude_reminder_on, gratitude_reminder_at, partner_activity_on)
            SELECT user_id, question_on, question_at, gratitude_on, gratitude_at, partner_activity_on
            FROM bench.people
            ORDER BY i;
            """),
        ("reminder_schedules", """
            INSERT INTO reminder_schedules (user_id, kind, next_due_utc)
            SELECT p.user_id, k.kind,
                   CASE WHEN p.due_kind = k.kind THEN @at
                        WHEN (l.today + k.at) AT TIME ZONE p.zone > @at THEN (l.today + k.at) AT TIME ZONE p.zone
                        ELSE (l.today + 1 + k.at) AT TIME ZONE p.zone
                   END
            FROM bench.people p
            CROSS JOIN LATERAL (SELECT (@at AT TIME ZONE p.zone)::date AS today) l
            CROSS JOIN LATERAL (VALUES ('DailyQuestion', p.question_at, p.question_on),
                                       ('EveningGratitude', p.gratitude_at, p.gratitude_on)) AS k(kind, at, is_on)
            WHERE k.is_on
            ORDER BY p.i, k.kind;
            """),
        ("push_devices", """
            -- One phone each for the push share: an FCM-like endpoint, a 65-byte uncompressed P-256 key and a 16-byte
            -- secret (base64url, as browsers give them), no sign-in (a null session_id is always live).
            INSERT INTO push_devices (id, user_id, endpoint, p256dh, auth, name, session_id, created_utc, last_delivered_utc)
            SELECT md5('cc-bench-device-' || i)::uuid, user_id,
                   'https://fcm.googleapis.com/fcm/send/' || rtrim(translate(replace(encode(decode(md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'), 'base64'), E'\n', ''), '+/', '-_'), '='),
                   rtrim(translate(replace(encode('\x04'::bytea || decode(md5(random()::text) || md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex'), 'base64'), E'\n', ''), '+/', '-_'), '='),
                   rtrim(translate(replace(encode(decode(md5(random()::text), 'hex'), 'base64'), E'\n', ''), '+/', '-_'), '='),
                   'Chrome on Android', NULL, created_at, NULL
            FROM bench.people
            WHERE has_push
            ORDER BY i;
            """),
        ("reminder_channel_choices", """
            -- People with a phone want every reminder on it as well as by email; some want the daily question on it only.
            INSERT INTO reminder_channel_choices (user_id, topic, channels)
            SELECT p.user_id, t.topic, CASE WHEN t.topic = 'DailyQuestion' AND p.push_only_question THEN 'Push' ELSE 'Both' END
            FROM bench.people p
            CROSS JOIN unnest(@topics::text[]) AS t(topic)
            WHERE p.has_push
            ORDER BY p.i, t.topic;
            """),
        ("meta", """
            INSERT INTO bench.meta (users, due, at, push_share, seeded_utc) VALUES (@users, @due, @at, @push_share, now());
            DROP TABLE bench.people;
            DROP TABLE bench.couples;
            DROP TABLE bench.zone_slots;
            """),
    ];

    private static readonly string[] VacuumTables = ["\"AspNetUsers\"", "couples", "couple_members", "reminder_preferences", "reminder_schedules", "push_devices", "reminder_channel_choices", "reminder_outbox", "bench.due"];

    /// <summary>True when the database already holds exactly this seed (a database kept with --keep-databases).</summary>
    public static async Task<bool> IsSeededAsync(NpgsqlDataSource dataSource, int users, int due, DateTimeOffset at, double pushShare)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'meta')
            """, connection);
        if (!(bool)(await command.ExecuteScalarAsync())!)
        {
            return false;
        }

        // A database seeded before push has no push_share: read through jsonb so it is simply not a match.
        await using var meta = new NpgsqlCommand("SELECT count(*) FROM bench.meta m WHERE users = @users AND due = @due AND at = @at AND (to_jsonb(m) ->> 'push_share')::float8 = @push_share", connection);
        meta.Parameters.AddWithValue("users", users);
        meta.Parameters.AddWithValue("due", due);
        meta.Parameters.AddWithValue("at", at);
        meta.Parameters.AddWithValue("push_share", pushShare);
        return (long)(await meta.ExecuteScalarAsync())! == 1;
    }

    public static async Task<TimeSpan> SeedAsync(NpgsqlDataSource dataSource, int users, int due, DateTimeOffset at, Action<string> log, double pushShare = 0)
    {
        if (users < 2 || users % 2 != 0)
        {
            throw new BenchUsageException("--users must be an even number of at least 2 (everyone is paired).");
        }

        if (due > users)
        {
            throw new BenchUsageException("--due cannot exceed --users (one due row per chosen person).");
        }

        var zones = Zones.Slots();
        var total = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var clean = new NpgsqlCommand("""
            TRUNCATE reminder_outbox, reminder_schedules, reminder_preferences, push_devices, reminder_channel_choices, couple_members, couples, "AspNetUsers" CASCADE
            """, connection))
        {
            await clean.ExecuteNonQueryAsync();
        }

        foreach (var (label, sql) in Steps)
        {
            var step = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter("zones", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = zones });
            command.Parameters.AddWithValue("slots", zones.Length);
            command.Parameters.AddWithValue("users", users);
            command.Parameters.AddWithValue("due", due);
            command.Parameters.AddWithValue("at", at);
            command.Parameters.AddWithValue("spreader", Spreader);
            command.Parameters.AddWithValue("push_share", pushShare);
            command.Parameters.AddWithValue("push_only_question_share", PushOnlyQuestionShare);
            command.Parameters.Add(new NpgsqlParameter("topics", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Enum.GetNames<ReminderTopic>() });
            await command.ExecuteNonQueryAsync();
            log($"  seeded {label} in {Fmt.Seconds(step.Elapsed)}");
        }

        var vacuum = Stopwatch.StartNew();
        foreach (var table in VacuumTables)
        {
            await using var command = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        log($"  VACUUM ANALYZE in {Fmt.Seconds(vacuum.Elapsed)}");
        return total.Elapsed;
    }

    /// <summary>What was seeded, counted back from the tables.</summary>
    public static async Task<SeedFacts> CountAsync(NpgsqlDataSource dataSource, DateTimeOffset at)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "AspNetUsers"),
                   (SELECT count(*) FROM couples),
                   (SELECT count(*) FROM reminder_schedules),
                   (SELECT count(*) FROM reminder_schedules WHERE next_due_utc <= @at),
                   (SELECT count(*) FROM reminder_schedules WHERE next_due_utc <= @at AND kind = 'DailyQuestion'),
                   (SELECT count(DISTINCT u.time_zone_id) FROM "AspNetUsers" u),
                   (SELECT max(next_due_utc) FROM reminder_schedules),
                   pg_size_pretty(pg_database_size(current_database())),
                   (SELECT count(*) FROM push_devices),
                   (SELECT count(*) FROM reminder_channel_choices),
                   -- Expected from what was seeded (bench.due), not from the tables the dispatcher reads.
                   (SELECT count(*) FROM bench.due WHERE NOT (has_push AND push_only_question AND kind = 'DailyQuestion')),
                   (SELECT count(*) FROM bench.due WHERE has_push),
                   (SELECT coalesce(max(push_share), 0) FROM bench.meta)
            """, connection);
        command.Parameters.AddWithValue("at", at);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new SeedFacts(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetString(7),
            reader.GetInt64(8),
            reader.GetInt64(9),
            reader.GetInt64(10),
            reader.GetInt64(11),
            reader.GetDouble(12));
    }
}

public sealed record SeedFacts(
    long Users,
    long Couples,
    long ScheduleRows,
    long DueRows,
    long DueQuestionRows,
    long Zones,
    DateTimeOffset LatestDue,
    string DatabaseSize,
    long PushDevices,
    long ChannelChoices,
    long ExpectedEmailRows,
    long ExpectedPushRows,
    double PushShare)
{
    public long ExpectedOutboxRows => ExpectedEmailRows + ExpectedPushRows;
}
