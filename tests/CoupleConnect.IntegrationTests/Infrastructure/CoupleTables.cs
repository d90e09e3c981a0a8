using Npgsql;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>A couples row as a database dump shows it.</summary>
public sealed record CoupleRow(Guid Id, string Name, string HomeTimeZoneId, DateOnly? Anniversary, DateTimeOffset? EndedAt);

/// <summary>An invites row as a database dump shows it: the raw column values, hashes and ciphertext included.</summary>
public sealed record InviteRow(
    Guid Id,
    string InviterId,
    string TokenHash,
    string CodeHash,
    string ProtectedToken,
    string ProtectedCode,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? AcceptedAt,
    string? AcceptedById,
    string RowAsJson);

/// <summary>The couples, couple_members and invites tables read with plain SQL, not through the app.</summary>
public sealed class CoupleTables(string connectionString)
{
    public string ConnectionString => connectionString;

    /// <summary>How many memberships of <paramref name="userId"/> are active (left_at IS NULL): the unique index allows one.</summary>
    public Task<long> ActiveMembershipCountAsync(string userId) =>
        ScalarAsync<long>("SELECT count(*) FROM couple_members WHERE user_id = @user AND left_at IS NULL", ("user", userId));

    /// <summary>The ids of the active couples (not ended) that <paramref name="userId"/> is an active member of.</summary>
    public async Task<IReadOnlyList<Guid>> ActiveCoupleIdsOfAsync(string userId)
    {
        var ids = new List<Guid>();
        await using var connection = await OpenAsync();
        await using var command = Command(
            connection,
            """
            SELECT c.id FROM couples c JOIN couple_members m ON m.couple_id = c.id
            WHERE m.user_id = @user AND m.left_at IS NULL AND c.ended_at IS NULL
            """,
            ("user", userId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Every couple (active or ended, until purged) that has <paramref name="userId"/> as a member.</summary>
    public Task<long> CouplesWithMemberCountAsync(string userId) =>
        ScalarAsync<long>("SELECT count(*) FROM couple_members WHERE user_id = @user", ("user", userId));

    /// <summary>The user ids of the members of a couple, active or not.</summary>
    public async Task<IReadOnlyList<string>> MemberIdsAsync(Guid coupleId)
    {
        var ids = new List<string>();
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT user_id FROM couple_members WHERE couple_id = @couple ORDER BY user_id", ("couple", coupleId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<CoupleRow?> CoupleAsync(Guid coupleId)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT id, name, home_time_zone_id, anniversary, ended_at FROM couples WHERE id = @couple", ("couple", coupleId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new CoupleRow(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Every invite <paramref name="inviterId"/> ever made, oldest first.</summary>
    public async Task<IReadOnlyList<InviteRow>> InvitesOfAsync(string inviterId)
    {
        var rows = new List<InviteRow>();
        await using var connection = await OpenAsync();
        await using var command = Command(
            connection,
            """
            SELECT id, inviter_id, token_hash, code_hash, protected_token, protected_code, revoked_at, accepted_at, accepted_by_id, row_to_json(i)::text
            FROM invites i WHERE inviter_id = @inviter ORDER BY created_at, id
            """,
            ("inviter", inviterId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new InviteRow(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9)));
        }

        return rows;
    }

    /// <summary>
    /// The three couple tables, every row as JSON in a stable order: compare two snapshots to prove that a refused
    /// action changed nothing (xmin included, so even a no-op UPDATE shows).
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = Command(
            connection,
            """
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT 'couple ' || row_to_json(c)::text AS line FROM couples c
                UNION ALL SELECT 'member ' || row_to_json(m)::text FROM couple_members m
                UNION ALL SELECT 'invite ' || row_to_json(i)::text || ' xmin=' || i.xmin::text FROM invites i
            ) AS rows
            """);
        return await command.ExecuteScalarAsync() as string ?? string.Empty;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
