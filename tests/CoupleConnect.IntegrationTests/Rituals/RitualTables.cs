using CoupleConnect.Domain.Reminders;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>The ritual tables and the rituals' outbox rows read (and a bookmark rewound) with plain SQL, not through the app.</summary>
public sealed class RitualTables(string connectionString)
{
    private static readonly string[] EncryptedTables = ["rituals", "ritual_notes", "monthly_reflections"];

    private const string OfCouple = "(SELECT id FROM rituals WHERE couple_id = @couple)";

    public async Task<RitualCounts> CountsAsync(Guid coupleId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT (SELECT count(*) FROM rituals WHERE couple_id = @couple),
                   (SELECT count(*) FROM ritual_reminders WHERE ritual_id IN {OfCouple}),
                   (SELECT count(*) FROM ritual_outcomes WHERE ritual_id IN {OfCouple}),
                   (SELECT count(*) FROM ritual_notes WHERE ritual_id IN {OfCouple}),
                   (SELECT count(*) FROM monthly_reflections WHERE ritual_id IN {OfCouple})
            """,
            connection);
        command.Parameters.AddWithValue("couple", coupleId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new RitualCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>Every ritual row of the couple (rituals, reminders, outcomes, notes, reflections) with its xmin: equal snapshots mean not even a no-op write happened.</summary>
    public async Task<string> SnapshotAsync(Guid coupleId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT coalesce(string_agg(line, E'\n' ORDER BY line), '') FROM (
                SELECT 'ritual ' || row_to_json(r)::text || ' xmin=' || r.xmin::text AS line FROM rituals r WHERE r.couple_id = @couple
                UNION ALL SELECT 'reminder ' || row_to_json(m)::text || ' xmin=' || m.xmin::text FROM ritual_reminders m WHERE m.ritual_id IN {OfCouple}
                UNION ALL SELECT 'outcome ' || row_to_json(o)::text || ' xmin=' || o.xmin::text FROM ritual_outcomes o WHERE o.ritual_id IN {OfCouple}
                UNION ALL SELECT 'note ' || row_to_json(n)::text || ' xmin=' || n.xmin::text FROM ritual_notes n WHERE n.ritual_id IN {OfCouple}
                UNION ALL SELECT 'reflection ' || row_to_json(f)::text || ' xmin=' || f.xmin::text FROM monthly_reflections f WHERE f.ritual_id IN {OfCouple}
            ) AS rows
            """,
            connection);
        command.Parameters.AddWithValue("couple", coupleId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<RitualReminderRow>> RemindersAsync(Guid ritualId)
    {
        var rows = new List<RitualReminderRow>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT user_id, is_on, lead_minutes, day_before, next_due_utc, next_occurrence_day, next_kind FROM ritual_reminders WHERE ritual_id = @ritual ORDER BY user_id",
            connection);
        command.Parameters.AddWithValue("ritual", ritualId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RitualReminderRow(
                reader.GetString(0),
                reader.GetBoolean(1),
                reader.GetInt32(2),
                reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                reader.IsDBNull(6) ? null : Enum.Parse<ReminderKind>(reader.GetString(6))));
        }

        return rows;
    }

    /// <summary>The one reminder row of (<paramref name="ritualId"/>, <paramref name="userId"/>); fails the test when there is none.</summary>
    public async Task<RitualReminderRow> ReminderAsync(Guid ritualId, string userId) =>
        Assert.Single(await RemindersAsync(ritualId), row => row.UserId == userId);

    /// <summary>The ritual's outbox rows, oldest first.</summary>
    public async Task<IReadOnlyList<RitualOutboxRow>> OutboxAsync(Guid ritualId)
    {
        var rows = new List<RitualOutboxRow>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, user_id, kind, local_date, due_utc, created_utc, status, skip_reason FROM reminder_outbox WHERE subject_id = @ritual ORDER BY id",
            connection);
        command.Parameters.AddWithValue("ritual", ritualId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RitualOutboxRow(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<ReminderKind>(reader.GetString(2)),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                Enum.Parse<ReminderStatus>(reader.GetString(6)),
                reader.IsDBNull(7) ? null : Enum.Parse<ReminderSkipReason>(reader.GetString(7))));
        }

        return rows;
    }

    /// <summary>
    /// Puts a reminder's bookmark back on a reminder already written (as a dispatcher that crashed after inserting
    /// but before committing its bookmark, or an older copy of the row, would leave it).
    /// </summary>
    public async Task RewindBookmarkAsync(Guid ritualId, string userId, DateTimeOffset dueUtc, DateOnly occurrenceDay, ReminderKind kind)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE ritual_reminders SET next_due_utc = @due, next_occurrence_day = @day, next_kind = @kind WHERE ritual_id = @ritual AND user_id = @user",
            connection);
        command.Parameters.AddWithValue("due", dueUtc);
        command.Parameters.AddWithValue("day", occurrenceDay);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("ritual", ritualId);
        command.Parameters.AddWithValue("user", userId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>One text column of one row exactly as stored (for encryption-at-rest checks).</summary>
    public async Task<IReadOnlyList<string>> RawColumnAsync(string table, string column, Guid ritualId)
    {
        Assert.Contains(table, EncryptedTables);
        var key = table == "rituals" ? "id" : "ritual_id";
        var values = new List<string>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {column}::text FROM {table} WHERE {key} = @ritual AND {column} IS NOT NULL", connection);
        command.Parameters.AddWithValue("ritual", ritualId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Every row of the ritual's tables as JSON, for "the text appears nowhere" checks.</summary>
    public async Task<string> RowsAsJsonAsync(Guid ritualId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(string_agg(line, E'\n'), '') FROM (
                SELECT row_to_json(r)::text AS line FROM rituals r WHERE r.id = @ritual
                UNION ALL SELECT row_to_json(n)::text FROM ritual_notes n WHERE n.ritual_id = @ritual
                UNION ALL SELECT row_to_json(f)::text FROM monthly_reflections f WHERE f.ritual_id = @ritual
                UNION ALL SELECT row_to_json(o)::text FROM ritual_outcomes o WHERE o.ritual_id = @ritual
            ) AS rows
            """,
            connection);
        command.Parameters.AddWithValue("ritual", ritualId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
