using Npgsql;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>The user table as a database dump would show it: read with plain SQL, not through the app.</summary>
public sealed class UsersTable(string connectionString)
{
    public async Task<long> CountByEmailAsync(string email)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"AspNetUsers\" WHERE normalized_email = @normalizedEmail", connection);
        // Identity normalises with ToUpperInvariant; PostgreSQL's upper() depends on the cluster's locale.
        command.Parameters.AddWithValue("normalizedEmail", email.Trim().ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> CountAllAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"AspNetUsers\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<UserRow?> FindByEmailAsync(string email)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT id, email, display_name, time_zone_id, created_at, email_confirmed, lockout_end, access_failed_count, password_hash, security_stamp
            FROM "AspNetUsers" WHERE normalized_email = @normalizedEmail
            """,
            connection);
        // Identity normalises with ToUpperInvariant; PostgreSQL's upper() depends on the cluster's locale.
        command.Parameters.AddWithValue("normalizedEmail", email.Trim().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new UserRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetBoolean(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetInt32(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    string TimeZoneId,
    DateTimeOffset CreatedAt,
    bool EmailConfirmed,
    DateTimeOffset? LockoutEnd,
    int AccessFailedCount,
    string? PasswordHash,
    string? SecurityStamp);
