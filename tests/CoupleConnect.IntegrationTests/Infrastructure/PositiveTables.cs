using Npgsql;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>A positives row as a database dump shows it: <see cref="Note"/> is the raw (encrypted) column.</summary>
public sealed record PositiveRow(
    Guid Id,
    Guid CoupleId,
    string AuthorId,
    string AboutId,
    string Kind,
    string? Note,
    DateOnly Day,
    bool IsEveningGratitude,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    string RowAsJson);

/// <summary>The positives table read with plain SQL, not through the app.</summary>
public sealed class PositiveTables(string connectionString)
{
    /// <summary>Every positive of a couple, oldest first.</summary>
    public async Task<IReadOnlyList<PositiveRow>> OfCoupleAsync(Guid coupleId)
    {
        var rows = new List<PositiveRow>();
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT id, couple_id, author_id, about_id, kind, note, day, is_evening_gratitude, created_at, acknowledged_at, row_to_json(p)::text
            FROM positives p WHERE couple_id = @couple ORDER BY created_at, id
            """,
            connection);
        command.Parameters.AddWithValue("couple", coupleId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new PositiveRow(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateOnly>(6),
                reader.GetBoolean(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetString(10)));
        }

        return rows;
    }

    /// <summary>The one row with <paramref name="id"/>; fails the test when it is not there.</summary>
    public async Task<PositiveRow> ByIdAsync(Guid coupleId, Guid id) =>
        Assert.Single(await OfCoupleAsync(coupleId), row => row.Id == id);

    public async Task<long> CountAsync(Guid coupleId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM positives WHERE couple_id = @couple", connection);
        command.Parameters.AddWithValue("couple", coupleId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many positives the whole database holds (for a class's own database: tests of a class run one at a time).</summary>
    public async Task<long> AllCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM positives", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Every positive of a couple as JSON with its xmin, in a stable order: equal snapshots prove a refused action
    /// changed nothing, not even with a no-op UPDATE.
    /// </summary>
    public async Task<string> SnapshotAsync(Guid coupleId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(string_agg(row_to_json(p)::text || ' xmin=' || p.xmin::text, E'\n' ORDER BY p.id), '')
            FROM positives p WHERE p.couple_id = @couple
            """,
            connection);
        command.Parameters.AddWithValue("couple", coupleId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
