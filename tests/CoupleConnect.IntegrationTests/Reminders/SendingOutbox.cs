using CoupleConnect.Domain.Reminders;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>An outbox row as a database dump shows it.</summary>
public sealed record SendingOutboxRow(
    long Id,
    string UserId,
    ReminderKind Kind,
    ReminderStatus Status,
    ReminderSkipReason? SkipReason,
    int Attempts,
    DateTimeOffset? NextAttemptUtc,
    DateTimeOffset? SentUtc,
    string? LastError)
{
    public ReminderChannel Channel { get; init; }
}

/// <summary>
/// The reminder outbox (and the bounce mark on users) read and written with plain SQL: tests put Pending rows in as the
/// dispatcher would have written them, then watch what the sender makes of them.
/// </summary>
public sealed class SendingOutbox(string connectionString)
{
    private const string Columns = "id, user_id, kind, status, skip_reason, attempts, next_attempt_utc, sent_utc, last_error, channel";

    /// <summary>A Pending row due at <paramref name="dueUtc"/>, as the dispatcher writes it; returns its id.</summary>
    public async Task<long> AddPendingAsync(string userId, ReminderKind kind, DateOnly localDate, DateTimeOffset dueUtc)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO reminder_outbox (user_id, kind, local_date, due_utc, created_utc, status, attempts, next_attempt_utc)
            VALUES (@user_id, @kind, @local_date, @due, @due, 'Pending', 0, @due)
            RETURNING id
            """,
            connection);
        command.Parameters.AddWithValue("user_id", userId);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("local_date", localDate);
        command.Parameters.AddWithValue("due", dueUtc);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<SendingOutboxRow> RowAsync(long id) => Assert.Single(await RowsAsync([id]));

    public async Task<IReadOnlyList<SendingOutboxRow>> RowsAsync(IReadOnlyCollection<long> ids)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM reminder_outbox WHERE id = ANY(@ids) ORDER BY id", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return await ReadAsync(command);
    }

    public async Task<IReadOnlyList<SendingOutboxRow>> RowsOfAsync(string userId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM reminder_outbox WHERE user_id = @user_id ORDER BY id", connection);
        command.Parameters.AddWithValue("user_id", userId);
        return await ReadAsync(command);
    }

    /// <summary>Empties the outbox (the fixture's own database; the tests sharing it run one at a time).</summary>
    public async Task DeleteAllAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM reminder_outbox", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<DateTimeOffset?> BouncedAtAsync(string userId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT email_bounced_at FROM "AspNetUsers" WHERE id = @id""", connection);
        command.Parameters.AddWithValue("id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No user {userId}.");
        return reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
    }

    private static async Task<IReadOnlyList<SendingOutboxRow>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<SendingOutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new SendingOutboxRow(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<ReminderKind>(reader.GetString(2)),
                Enum.Parse<ReminderStatus>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : Enum.Parse<ReminderSkipReason>(reader.GetString(4)),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8))
            {
                Channel = Enum.Parse<ReminderChannel>(reader.GetString(9)),
            });
        }

        return rows;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
