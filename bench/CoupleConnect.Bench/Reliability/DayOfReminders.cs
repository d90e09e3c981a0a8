using CoupleConnect.Bench.ReminderDispatch;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace CoupleConnect.Bench.Reliability;

/// <summary>Outcome of a simulated day: every schedule row of the day against the outbox and the sink.</summary>
public sealed record DayVerdict(long Reminders, long NeverDispatched, long Sent, long Skipped, long PendingOrFailed, long SentButNotReceived, long Duplicates, long Unknown, long ReceivedMessages)
{
    public long Lost => NeverDispatched + PendingOrFailed + SentButNotReceived;
}

/// <summary>
/// A day of reminders compressed into a few real minutes: the dispatcher benchmark's people (couples across 30 zones,
/// their preferences), then every one of their schedule rows — each person's question and gratitude reminder, what a day
/// sends — made due at a random instant of the window. The app's real clock then finds them due as the window passes.
/// </summary>
public sealed class DayOfReminders(NpgsqlDataSource dataSource)
{
    public const string Password = "a quiet walk by the river";

    public static string Email(int person) => $"person{person}@example.com";

    public static string Name(int person) => $"Person {person}";

    public async Task<long> SeedAsync(int people, DateTimeOffset windowStart, TimeSpan window)
    {
        await ReminderSeeder.SeedAsync(dataSource, people, 0, windowStart, line => Console.WriteLine(line));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var spread = new NpgsqlCommand("""
            UPDATE reminder_schedules SET next_due_utc = @start + random() * @window * interval '1 second';
            UPDATE "AspNetUsers" SET email_bounced_at = NULL;
            CREATE TABLE bench.day AS SELECT user_id, kind FROM reminder_schedules;
            ALTER TABLE bench.day ADD PRIMARY KEY (user_id, kind);
            """, connection))
        {
            spread.Parameters.AddWithValue("start", windowStart);
            spread.Parameters.AddWithValue("window", window.TotalSeconds);
            await spread.ExecuteNonQueryAsync();
        }

        // Persons 1 and 2 are a couple: give them a real password, so a browser can sign in as them.
        var hasher = new PasswordHasher<ApplicationUser>();
        foreach (var person in new[] { 1, 2 })
        {
            await using var password = new NpgsqlCommand("""UPDATE "AspNetUsers" SET password_hash = @hash WHERE normalized_email = upper(@email)""", connection);
            password.Parameters.AddWithValue("hash", hasher.HashPassword(new ApplicationUser(), Password));
            password.Parameters.AddWithValue("email", Email(person));
            await password.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM bench.day", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>(undispatched, pending) right now.</summary>
    public async Task<(long Undispatched, long Pending, long Sent)> ProgressAsync()
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM bench.day d LEFT JOIN reminder_outbox o USING (user_id, kind) WHERE o.id IS NULL),
                   count(*) FILTER (WHERE status = 'Pending'), count(*) FILTER (WHERE status = 'Sent')
            FROM reminder_outbox
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Every reminder of the day (and any other outbox row, e.g. a partner-activity reminder) against the sink.</summary>
    public async Task<DayVerdict> VerdictAsync(IReadOnlyDictionary<string, int> received, string messageIdDomain)
    {
        await using var missing = dataSource.CreateCommand("SELECT count(*) FROM bench.day d LEFT JOIN reminder_outbox o USING (user_id, kind) WHERE o.id IS NULL");
        var neverDispatched = (long)(await missing.ExecuteScalarAsync())!;
        long reminders = 0, sent = 0, skipped = 0, open = 0, notReceived = 0;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        await using var rows = dataSource.CreateCommand("SELECT id, status FROM reminder_outbox");
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                reminders++;
                var id = $"reminder-{reader.GetInt64(0)}@{messageIdDomain}";
                expected.Add(id);
                switch (reader.GetString(1))
                {
                    case "Sent":
                        sent++;
                        notReceived += received.ContainsKey(id) ? 0 : 1;
                        break;
                    case "Skipped":
                        skipped++;
                        break;
                    default:
                        open++;
                        break;
                }
            }
        }

        return new DayVerdict(
            reminders + neverDispatched,
            neverDispatched,
            sent,
            skipped,
            open,
            notReceived,
            received.Values.Sum(times => times - 1),
            received.Keys.Count(id => !expected.Contains(id)),
            received.Values.Sum());
    }
}
