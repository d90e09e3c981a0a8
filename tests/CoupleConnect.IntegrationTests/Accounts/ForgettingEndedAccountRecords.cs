using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// The daily purges keep no history of who signed in from where: ended sessions, old wrong-password counts (the
/// accounts' job) and old invite-email counts (the couples' <see cref="ForgetOldInviteEmailsJob"/>) go a day after any rule stops reading them;
/// everything still in use stays.
/// </summary>
public sealed class ForgettingEndedAccountRecords(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task EndedAndOldRecordsGoAndLiveOnesStay()
    {
        var person = await app.Driver.NewPersonAsync("Robin");
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        var live = await InsertSessionAsync(connection, person.Id, lastSeen: now.AddHours(-1), revoked: null);
        var idleLongAgo = await InsertSessionAsync(connection, person.Id, lastSeen: now.AddDays(-16), revoked: null);
        var signedOutLongAgo = await InsertSessionAsync(connection, person.Id, lastSeen: now.AddDays(-3), revoked: now.AddDays(-2));
        var signedOutJustNow = await InsertSessionAsync(connection, person.Id, lastSeen: now.AddMinutes(-5), revoked: now.AddMinutes(-5));
        await ExecuteAsync(connection, "INSERT INTO password_failures (account_key, client_key, failed_at) VALUES (repeat('a', 64), repeat('b', 64), @old), (repeat('a', 64), repeat('c', 64), @recent)", now);
        await ExecuteAsync(connection, "INSERT INTO invite_emails (sender_id, recipient_key, sent_at) VALUES (@user, repeat('d', 64), @old), (@user, repeat('e', 64), @recent)", now, person.Id);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PurgeAccountRecordsJob>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ForgetOldInviteEmailsJob>().RunAsync(CancellationToken.None);
        }

        var sessionsLeft = await IdsAsync(connection, "SELECT id FROM user_sessions WHERE user_id = @user", person.Id);
        Assert.Equal(new[] { live, signedOutJustNow }.Order(), sessionsLeft.Order());
        Assert.DoesNotContain(idleLongAgo, sessionsLeft);
        Assert.DoesNotContain(signedOutLongAgo, sessionsLeft);
        Assert.Equal(["c"], await FirstLettersAsync(connection, "SELECT left(client_key, 1) FROM password_failures WHERE account_key = repeat('a', 64)"));
        Assert.Equal(["e"], await FirstLettersAsync(connection, "SELECT left(recipient_key, 1) FROM invite_emails WHERE sender_id = @user", person.Id));
    }

    private static async Task<Guid> InsertSessionAsync(NpgsqlConnection connection, string userId, DateTimeOffset lastSeen, DateTimeOffset? revoked)
    {
        var id = Guid.NewGuid();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, device, revoked_at) VALUES (@id, @user, @created, @seen, 'Firefox on Android', @revoked)", connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("created", lastSeen.AddDays(-1));
        insert.Parameters.AddWithValue("seen", lastSeen);
        insert.Parameters.AddWithValue("revoked", (object?)revoked ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, DateTimeOffset now, string? userId = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("old", now.AddDays(-2));
        command.Parameters.AddWithValue("recent", now.AddHours(-2));
        if (userId is not null)
        {
            command.Parameters.AddWithValue("user", userId);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<Guid>> IdsAsync(NpgsqlConnection connection, string sql, string userId)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<List<string>> FirstLettersAsync(NpgsqlConnection connection, string sql, string? userId = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (userId is not null)
        {
            command.Parameters.AddWithValue("user", userId);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var letters = new List<string>();
        while (await reader.ReadAsync())
        {
            letters.Add(reader.GetString(0));
        }

        return letters;
    }
}
