using CoupleConnect.Domain.Reminders;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>A reminder_outbox row as a database dump shows it.</summary>
public sealed record OutboxRow(
    long Id,
    string UserId,
    ReminderKind Kind,
    DateOnly LocalDate,
    DateTimeOffset DueUtc,
    DateTimeOffset CreatedUtc,
    ReminderStatus Status,
    ReminderSkipReason? SkipReason,
    DateTimeOffset? NextAttemptUtc);

/// <summary>The reminder_schedules and reminder_outbox tables read (and people's mail state changed) with plain SQL, not through the app.</summary>
public sealed class DispatchTables(string connectionString)
{
    private const string OutboxColumns = "id, user_id, kind, local_date, due_utc, created_utc, status, skip_reason, next_attempt_utc";

    /// <summary>Every outbox row, or only <paramref name="userId"/>'s, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync(string? userId = null)
    {
        var rows = new List<OutboxRow>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT {OutboxColumns} FROM reminder_outbox WHERE @user::text IS NULL OR user_id = @user ORDER BY id",
            connection);
        command.Parameters.Add(new NpgsqlParameter("user", NpgsqlDbType.Text) { Value = (object?)userId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<ReminderKind>(reader.GetString(2)),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                Enum.Parse<ReminderStatus>(reader.GetString(6)),
                reader.IsDBNull(7) ? null : Enum.Parse<ReminderSkipReason>(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return rows;
    }

    public async Task<long> OutboxCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reminder_outbox", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The one schedule row of (<paramref name="userId"/>, <paramref name="kind"/>); fails the test when there is none.</summary>
    public async Task<DateTimeOffset> NextDueAsync(string userId, ReminderKind kind)
    {
        var schedules = await SchedulesAsync();
        Assert.True(schedules.TryGetValue((userId, kind), out var nextDue), $"{userId} has no {kind} schedule row.");
        return nextDue;
    }

    /// <summary>Every schedule row: (user, kind) → next_due_utc.</summary>
    public async Task<Dictionary<(string UserId, ReminderKind Kind), DateTimeOffset>> SchedulesAsync()
    {
        var schedules = new Dictionary<(string, ReminderKind), DateTimeOffset>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_id, kind, next_due_utc FROM reminder_schedules", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            schedules.Add((reader.GetString(0), Enum.Parse<ReminderKind>(reader.GetString(1))), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return schedules;
    }

    public Task MarkEmailUnconfirmedAsync(string userId) =>
        ExecuteAsync("""UPDATE "AspNetUsers" SET email_confirmed = FALSE WHERE id = @user""", userId);

    public Task MarkAddressBouncedAsync(string userId, DateTimeOffset bouncedAt) =>
        ExecuteAsync("""UPDATE "AspNetUsers" SET email_bounced_at = @at WHERE id = @user""", userId, bouncedAt);

    /// <summary>
    /// Turns the question reminder off in the preferences row only, leaving the schedule row behind (as a preferences
    /// change racing a dispatch, or an older version of the app, could): the dispatcher must still not send it.
    /// </summary>
    public Task TurnQuestionReminderOffBehindTheSchedulesBackAsync(string userId) =>
        ExecuteAsync("UPDATE reminder_preferences SET question_reminder_on = FALSE WHERE user_id = @user", userId);

    private async Task ExecuteAsync(string sql, string userId, DateTimeOffset? at = null)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("user", userId);
        if (at is { } instant)
        {
            command.Parameters.AddWithValue("at", instant);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
