using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>A confirmed, paired person written straight into the tables; a null time means that reminder is off.</summary>
public sealed record SeededPerson(string Id, string TimeZoneId, LocalTimeOfDay? QuestionAt, LocalTimeOfDay? GratitudeAt)
{
    public TimeZoneId Zone => Domain.Common.TimeZoneId.Parse(TimeZoneId);

    /// <summary>The time-of-day reminders this person has on, with their local times.</summary>
    public IEnumerable<(ReminderKind Kind, LocalTimeOfDay At)> ScheduledKinds()
    {
        if (QuestionAt is not null)
        {
            yield return (ReminderKind.DailyQuestion, QuestionAt);
        }

        if (GratitudeAt is not null)
        {
            yield return (ReminderKind.EveningGratitude, GratitudeAt);
        }
    }
}

/// <summary>
/// Hundreds of couples in one round trip per table, for tests about the dispatcher at scale: making each person through
/// UserManager would spend most of the test hashing passwords. The rows are the ones the app itself writes (confirmed
/// address, active couple of two, preferences); such people have no password and cannot sign in, which these tests never need.
/// </summary>
public static class SeededCouples
{
    public static SeededPerson Person(string timeZoneId, string? questionAt, string? gratitudeAt) =>
        new(Guid.NewGuid().ToString(), timeZoneId, Time(questionAt), Time(gratitudeAt));

    /// <summary>A random minute of the day, as typed in the reminders form ("07:42").</summary>
    public static string RandomTime(Random random)
    {
        var minute = random.Next(24 * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
    }

    /// <summary>Writes the people, pairs each inviter with their partner (the couple's home zone is the inviter's) and saves their preferences.</summary>
    public static async Task SeedAsync(string connectionString, IReadOnlyList<(SeededPerson Inviter, SeededPerson Partner)> couples, DateTimeOffset now)
    {
        var people = couples.SelectMany(couple => new[] { couple.Inviter, couple.Partner }).ToList();
        var coupleIds = couples.Select(_ => Guid.CreateVersion7(now)).ToList();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await ExecuteAsync(
            connection,
            """
            INSERT INTO "AspNetUsers" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                                       concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                       display_name, time_zone_id, created_at)
            SELECT p.id, p.id || '@example.test', upper(p.id || '@example.test'), p.id || '@example.test', upper(p.id || '@example.test'),
                   TRUE, md5(p.id), md5(p.id || 'c'), FALSE, FALSE, TRUE, 0, 'Seeded', p.zone, @now
            FROM unnest(@ids, @zones) AS p(id, zone)
            """,
            ("now", now),
            Text("ids", people.Select(person => person.Id)),
            Text("zones", people.Select(person => person.TimeZoneId)));

        await ExecuteAsync(
            connection,
            """
            INSERT INTO couples (id, name, home_time_zone_id, created_at)
            SELECT c.id, 'Seeded couple', c.zone, @now FROM unnest(@ids, @zones) AS c(id, zone)
            """,
            ("now", now),
            new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = coupleIds.ToArray() },
            Text("zones", couples.Select(couple => couple.Inviter.TimeZoneId)));

        await ExecuteAsync(
            connection,
            """
            INSERT INTO couple_members (couple_id, user_id, joined_at)
            SELECT m.couple_id, m.user_id, @now FROM unnest(@couples, @users) AS m(couple_id, user_id)
            """,
            ("now", now),
            new NpgsqlParameter("couples", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = coupleIds.SelectMany(id => new[] { id, id }).ToArray() },
            Text("users", people.Select(person => person.Id)));

        await ExecuteAsync(
            connection,
            """
            INSERT INTO reminder_preferences (user_id, question_reminder_on, question_reminder_at, gratitude_reminder_on, gratitude_reminder_at, partner_activity_on, weekly_temperature_on)
            SELECT p.user_id, p.question_on, p.question_at, p.gratitude_on, p.gratitude_at, TRUE, FALSE
            FROM unnest(@users, @question_on, @question_at, @gratitude_on, @gratitude_at) AS p(user_id, question_on, question_at, gratitude_on, gratitude_at)
            """,
            Text("users", people.Select(person => person.Id)),
            new NpgsqlParameter("question_on", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = people.Select(person => person.QuestionAt is not null).ToArray() },
            new NpgsqlParameter("question_at", NpgsqlDbType.Array | NpgsqlDbType.Time) { Value = people.Select(person => (person.QuestionAt ?? LocalTimeOfDay.MorningDefault).Value).ToArray() },
            new NpgsqlParameter("gratitude_on", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = people.Select(person => person.GratitudeAt is not null).ToArray() },
            new NpgsqlParameter("gratitude_at", NpgsqlDbType.Array | NpgsqlDbType.Time) { Value = people.Select(person => (person.GratitudeAt ?? LocalTimeOfDay.EveningDefault).Value).ToArray() });

        await transaction.CommitAsync();
    }

    /// <summary>Schedule rows due at chosen instants (for tests that want rows due right now, without walking the clock to them).</summary>
    public static async Task ScheduleAsync(string connectionString, IReadOnlyList<(string UserId, ReminderKind Kind, DateTimeOffset NextDueUtc)> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(
            connection,
            "INSERT INTO reminder_schedules (user_id, kind, next_due_utc) SELECT * FROM unnest(@users, @kinds, @dues)",
            Text("users", rows.Select(row => row.UserId)),
            Text("kinds", rows.Select(row => row.Kind.ToString())),
            new NpgsqlParameter("dues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(row => row.NextDueUtc.UtcDateTime).ToArray() });
    }

    private static LocalTimeOfDay? Time(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Assert.True(LocalTimeOfDay.TryParse(text, out var time, out var problem), problem);
        return time;
    }

    private static NpgsqlParameter Text(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, (string Name, DateTimeOffset Value) now, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(now.Name, now.Value);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
    }
}
