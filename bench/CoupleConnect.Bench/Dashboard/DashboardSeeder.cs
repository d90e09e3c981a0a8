using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoupleConnect.Bench.ReminderDispatch;
using CoupleConnect.Web.Infrastructure.Security;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.Bench.Dashboard;

/// <summary>What to seed: one heavy couple ("Alex & Sam") and, around them, other couples with ordinary history.</summary>
public sealed record DashboardSeed(
    DateTimeOffset At,
    string Zone,
    int Days,
    int Positives,
    int Gratitude,
    int OtherCouples,
    int OtherPositives,
    double OtherQuestionShare)
{
    /// <summary>A Tuesday evening in Berlin (20:30 local), away from DST changes; the heavy couple's "now".</summary>
    public static readonly DateTimeOffset DefaultAt = new(2026, 12, 1, 19, 30, 0, TimeSpan.Zero);

    public const string DefaultZone = "Europe/Berlin";

    public static readonly Guid CoupleId = new("da5b0a2d-0000-4000-8000-00000000c001");

    /// <summary>The partner whose dashboard is loaded ("you").</summary>
    public const string UserA = "da5b0a2d-0000-4000-8000-0000000000a1";

    public const string UserB = "da5b0a2d-0000-4000-8000-0000000000b2";

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"positives={Positives} gratitude={Gratitude} days={Days} others={OtherCouples}x{OtherPositives} questions={OtherQuestionShare} at={At:O} zone={Zone}");
}

/// <summary>
/// Fills a migrated database set-based (generate_series): the heavy couple's two years of history — a question every
/// day answered by both (today's by "you" only), thousands of positives at realistic local times (a tenth logged for
/// an earlier day, a third with a note, most acknowledged), nightly gratitude entries with words — and other couples'
/// rows around them. Rows go in in time order, as production writes them, so one couple's rows are spread over the
/// heap among everyone else's rather than packed together. Free text is real ciphertext from the app's
/// <see cref="FieldEncryptor"/> (a pool of values, each encrypted once), so row widths and decryption are real.
/// </summary>
public static class DashboardSeeder
{
    private static readonly (string Label, string Sql)[] Steps =
    [
        ("bench schema", """
            DROP SCHEMA IF EXISTS bench CASCADE;
            CREATE SCHEMA bench;
            CREATE TABLE bench.meta (seed text NOT NULL, seeded_utc timestamptz NOT NULL);
            SELECT setseed(0.2424);
            CREATE UNLOGGED TABLE bench.couples AS
            SELECT n AS couple_no,
                   CASE WHEN n = 0 THEN @couple_id ELSE md5('cc-dash-couple-' || n)::uuid END AS couple_id,
                   CASE WHEN n = 0 THEN @zone ELSE (@zones::text[])[1 + floor(random() * cardinality(@zones::text[]))::int] END AS zone,
                   CASE WHEN n = 0 THEN @positives ELSE @other_positives END AS positives
            FROM generate_series(0, @others) AS n;
            ALTER TABLE bench.couples ADD PRIMARY KEY (couple_no);
            CREATE UNLOGGED TABLE bench.people AS
            SELECT i, (i - 1) / 2 AS couple_no,
                   CASE i WHEN 1 THEN @user_a WHEN 2 THEN @user_b ELSE md5('cc-dash-user-' || i)::uuid::text END AS user_id,
                   CASE i WHEN 1 THEN 'Alex' WHEN 2 THEN 'Sam' ELSE 'Person ' || i END AS display_name,
                   @at - interval '730 days' - random() * interval '200 days' AS created_at
            FROM generate_series(1, 2 * (@others + 1)) AS i;
            ALTER TABLE bench.people ADD PRIMARY KEY (i);
            """),
        ("people and couples", """
            INSERT INTO "AspNetUsers" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed, two_factor_enabled,
                lockout_end, lockout_enabled, access_failed_count, display_name, time_zone_id, created_at, email_bounced_at)
            SELECT p.user_id, 'person' || p.i || '@example.com', 'PERSON' || p.i || '@EXAMPLE.COM',
                   'person' || p.i || '@example.com', 'PERSON' || p.i || '@EXAMPLE.COM', true,
                   'AQAAAAIAAYagAAAAE' || md5('h' || p.i) || md5('s' || p.i) || 'AAAA==',
                   upper(md5('st' || p.i)), md5('cs' || p.i)::uuid::text, NULL, false, false,
                   NULL, true, 0, p.display_name, c.zone, p.created_at, NULL
            FROM bench.people p JOIN bench.couples c USING (couple_no)
            ORDER BY p.i;
            INSERT INTO couples (id, name, home_time_zone_id, anniversary, created_at, ended_at, ended_by_id)
            SELECT c.couple_id, a.display_name || ' & ' || b.display_name, c.zone, NULL, b.created_at, NULL, NULL
            FROM bench.couples c
            JOIN bench.people a ON a.i = 2 * c.couple_no + 1
            JOIN bench.people b ON b.i = 2 * c.couple_no + 2
            ORDER BY c.couple_no;
            INSERT INTO couple_members (couple_id, user_id, joined_at, left_at)
            SELECT c.couple_id, p.user_id, p.created_at, NULL
            FROM bench.people p JOIN bench.couples c USING (couple_no)
            ORDER BY p.i;
            """),
        ("daily questions", """
            -- The heavy couple: today and the @days days before it, every one. Others: some past days.
            CREATE UNLOGGED TABLE bench.dq AS
            SELECT gen_random_uuid() AS id, c.couple_no, c.couple_id, c.zone, k, l.today - k AS day,
                   qs.ids[1 + (c.couple_no * 31 + k) % cardinality(qs.ids)] AS question_id
            FROM bench.couples c
            CROSS JOIN LATERAL (SELECT (@at AT TIME ZONE c.zone)::date AS today) l
            CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM questions) qs
            CROSS JOIN generate_series(0, @days) AS k
            WHERE c.couple_no = 0 OR (k >= 1 AND k <= @days - 1 AND random() < @other_question_share);
            INSERT INTO daily_questions (id, couple_id, day, question_id, created_at, changed_at)
            SELECT id, couple_id, day, question_id, (day + time '05:00') AT TIME ZONE zone, (day + time '22:00') AT TIME ZONE zone
            FROM bench.dq
            ORDER BY day, couple_no;
            """),
        ("check-in answers", """
            -- Two answers a day (today's only by "you"), at daytime local times; a fifth reflected on by the partner.
            INSERT INTO check_in_answers (id, daily_question_id, author_id, text, answered_at, updated_at, hearted_by_partner,
                reflection_text, reflected_at, verdict, clarification)
            SELECT gen_random_uuid(), x.id, x.user_id, (@answers::text[])[1 + floor(random() * cardinality(@answers::text[]))::int],
                   x.answered_at, x.answered_at, random() < 0.3,
                   CASE WHEN x.r_reflect < 0.2 THEN (@answers::text[])[1 + floor(random() * cardinality(@answers::text[]))::int] END,
                   CASE WHEN x.r_reflect < 0.2 THEN x.answered_at + interval '3 hours' END,
                   CASE WHEN x.r_reflect < 0.15 THEN 'ThatsIt' WHEN x.r_reflect < 0.2 THEN 'NotQuite' END,
                   NULL
            FROM (
                SELECT q.id, p.user_id, random() AS r_reflect,
                       least((q.day + time '07:00' + random() * interval '15 hours') AT TIME ZONE q.zone, @at - interval '10 minutes') AS answered_at
                FROM bench.dq q
                JOIN bench.people p ON p.couple_no = q.couple_no
                WHERE NOT (q.couple_no = 0 AND q.k = 0 AND p.user_id = @user_b)
            ) x
            ORDER BY x.answered_at;
            """),
        ("positives and gratitude", """
            CREATE UNLOGGED TABLE bench.pos AS
            WITH raw AS (
                SELECT c.couple_no, c.couple_id, c.zone, g AS n, false AS nightly, floor(random() * @days)::int AS k,
                       random() AS r_time, random() AS r_back, random() AS r_kind, random() AS r_note, random() AS r_ack
                FROM bench.couples c
                CROSS JOIN LATERAL generate_series(1, c.positives) AS g
                UNION ALL
                SELECT c.couple_no, c.couple_id, c.zone, g, true, floor(random() * @days)::int,
                       random(), random(), random(), random(), random()
                FROM bench.couples c
                CROSS JOIN generate_series(1, @gratitude) AS g
                WHERE c.couple_no = 0
            ), local AS (
                -- Daytime for positives, evening for gratitude; today only up to "now" (times stay distinct).
                SELECT r.*, (@at AT TIME ZONE r.zone)::date AS today, (@at AT TIME ZONE r.zone)::time AS now_local,
                       CASE WHEN r.nightly THEN time '20:00' ELSE time '07:00' END AS starts,
                       CASE WHEN r.nightly THEN interval '3 hours 30 minutes' ELSE interval '16 hours' END AS span
                FROM raw r
            ), timed AS (
                SELECT l.*,
                       least((l.today - l.k + l.starts
                              + l.r_time * CASE WHEN l.k = 0 THEN least(l.span, greatest(l.now_local - l.starts, interval '0')) ELSE l.span END)
                             AT TIME ZONE l.zone,
                             @at - interval '1 minute' - l.r_time * interval '6 hours') AS created_at
                FROM local l
            )
            SELECT gen_random_uuid() AS id, t.couple_id, a.user_id AS author_id, b.user_id AS about_id,
                   CASE WHEN t.nightly THEN 'Gratitude' ELSE (@kinds::text[])[1 + floor(t.r_kind * cardinality(@kinds::text[]))::int] END AS kind,
                   CASE WHEN t.nightly OR t.r_note < 0.35 THEN (@notes::text[])[1 + floor(random() * cardinality(@notes::text[]))::int] END AS note,
                   (t.created_at AT TIME ZONE t.zone)::date - CASE WHEN NOT t.nightly AND t.r_back < 0.1 THEN 1 + floor(t.r_back * 30)::int ELSE 0 END AS day,
                   t.nightly AS is_evening_gratitude, t.created_at,
                   CASE WHEN t.r_ack < 0.6 AND t.created_at < @at - interval '6 hours' THEN t.created_at + t.r_ack * interval '8 hours' END AS acknowledged_at
            FROM timed t
            JOIN bench.people a ON a.i = 2 * t.couple_no + 1 + t.n % 2
            JOIN bench.people b ON b.i = 2 * t.couple_no + 2 - t.n % 2;
            INSERT INTO positives (id, couple_id, author_id, about_id, kind, note, day, is_evening_gratitude, created_at, acknowledged_at)
            SELECT id, couple_id, author_id, about_id, kind, note, day, is_evening_gratitude, created_at, acknowledged_at
            FROM bench.pos
            ORDER BY created_at;
            """),
        ("tidy up", """
            INSERT INTO bench.meta (seed, seeded_utc) VALUES (@seed, now());
            DROP TABLE bench.pos;
            DROP TABLE bench.dq;
            DROP TABLE bench.people;
            DROP TABLE bench.couples;
            """),
    ];

    private static readonly string[] VacuumTables = ["\"AspNetUsers\"", "couples", "couple_members", "daily_questions", "check_in_answers", "positives"];

    /// <summary>True when the database already holds exactly this seed (a database kept with --keep-databases).</summary>
    public static async Task<bool> IsSeededAsync(NpgsqlDataSource dataSource, DashboardSeed seed)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('bench.meta') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return false;
        }

        await using var meta = new NpgsqlCommand("SELECT count(*) FROM bench.meta WHERE seed = @seed", connection);
        meta.Parameters.AddWithValue("seed", seed.Describe());
        return (long)(await meta.ExecuteScalarAsync())! == 1;
    }

    public static async Task<TimeSpan> SeedAsync(NpgsqlDataSource dataSource, DashboardSeed seed, Action<string> log)
    {
        var encryptor = new FieldEncryptor(BenchDatabase.EncryptionKeyId, new Dictionary<string, byte[]> { [BenchDatabase.EncryptionKeyId] = Convert.FromBase64String(BenchDatabase.EncryptionKey) });
        var notes = TextPool(encryptor, 64, 20, 300, "note");
        var answers = TextPool(encryptor, 64, 40, 400, "answer");
        var zones = Zones.Slots().Distinct(StringComparer.Ordinal).ToArray();

        var total = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var clean = new NpgsqlCommand("""
            TRUNCATE positives, check_in_answers, daily_questions, couple_members, couples, "AspNetUsers" CASCADE
            """, connection))
        {
            await clean.ExecuteNonQueryAsync();
        }

        foreach (var (label, sql) in Steps)
        {
            var step = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("at", seed.At);
            command.Parameters.AddWithValue("zone", seed.Zone);
            command.Parameters.AddWithValue("days", seed.Days);
            command.Parameters.AddWithValue("positives", seed.Positives);
            command.Parameters.AddWithValue("gratitude", seed.Gratitude);
            command.Parameters.AddWithValue("others", seed.OtherCouples);
            command.Parameters.AddWithValue("other_positives", seed.OtherPositives);
            command.Parameters.AddWithValue("other_question_share", seed.OtherQuestionShare);
            command.Parameters.AddWithValue("couple_id", DashboardSeed.CoupleId);
            command.Parameters.AddWithValue("user_a", DashboardSeed.UserA);
            command.Parameters.AddWithValue("user_b", DashboardSeed.UserB);
            command.Parameters.AddWithValue("seed", seed.Describe());
            command.Parameters.Add(new NpgsqlParameter("zones", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = zones });
            command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Enum.GetNames<CoupleConnect.Domain.Positives.PositiveKind>() });
            command.Parameters.Add(new NpgsqlParameter("notes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = notes });
            command.Parameters.Add(new NpgsqlParameter("answers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = answers });
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
    public static async Task<DashboardSeedFacts> CountAsync(NpgsqlDataSource dataSource, DashboardSeed seed)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            WITH me AS (SELECT (@at AT TIME ZONE @zone)::date AS today)
            SELECT (SELECT count(*) FROM positives WHERE couple_id = @couple),
                   (SELECT count(*) FROM positives WHERE couple_id = @couple AND is_evening_gratitude),
                   (SELECT count(*) FROM positives WHERE couple_id = @couple AND note IS NOT NULL),
                   (SELECT count(*) FROM daily_questions WHERE couple_id = @couple),
                   (SELECT count(*) FROM check_in_answers a JOIN daily_questions q ON q.id = a.daily_question_id WHERE q.couple_id = @couple),
                   (SELECT min(day) FROM daily_questions WHERE couple_id = @couple),
                   (SELECT count(*) FROM positives, me WHERE couple_id = @couple AND day >= date_trunc('week', me.today)::date - 77),
                   (SELECT count(*) FROM positives, me WHERE couple_id = @couple AND created_at >= (me.today - 367)::timestamp AT TIME ZONE 'UTC'),
                   (SELECT count(*) FROM couples),
                   (SELECT count(*) FROM positives),
                   (SELECT count(*) FROM daily_questions),
                   (SELECT count(*) FROM check_in_answers),
                   pg_size_pretty(pg_database_size(current_database()))
            """, connection);
        command.Parameters.AddWithValue("at", seed.At);
        command.Parameters.AddWithValue("zone", seed.Zone);
        command.Parameters.AddWithValue("couple", DashboardSeed.CoupleId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DashboardSeedFacts(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetFieldValue<DateOnly>(5),
            reader.GetInt64(6),
            reader.GetInt64(7),
            reader.GetInt64(8),
            reader.GetInt64(9),
            reader.GetInt64(10),
            reader.GetInt64(11),
            reader.GetString(12));
    }

    /// <summary><paramref name="count"/> distinct encrypted texts of varied length (each encrypted once: a nonce per value).</summary>
    private static string[] TextPool(FieldEncryptor encryptor, int count, int minLength, int maxLength, string what)
    {
        const string Words = "thank you for making dinner when I was tired and for listening so well last night it meant a lot to me ";
        var random = new Random(count * 7 + minLength);
        return [.. Enumerable.Range(0, count).Select(index =>
        {
            var length = random.Next(minLength, maxLength + 1);
            var text = new StringBuilder($"{what} {index}: ");
            while (text.Length < length)
            {
                text.Append(Words, random.Next(0, 40), 30);
            }

            return encryptor.Encrypt(text.ToString(0, length));
        })];
    }
}

public sealed record DashboardSeedFacts(
    long Positives,
    long Gratitude,
    long PositivesWithNotes,
    long QuestionDays,
    long Answers,
    DateOnly FirstQuestionDay,
    long PositivesInTwelveWeeks,
    long PositivesInStreakWindow,
    long AllCouples,
    long AllPositives,
    long AllQuestionDays,
    long AllAnswers,
    string DatabaseSize);
