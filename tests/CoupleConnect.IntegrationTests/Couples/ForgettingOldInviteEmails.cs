using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>The daily job forgets an invite email only once the allowance's window, and the margin after it, are past.</summary>
public sealed class ForgettingOldInviteEmails(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AnInviteEmailIsKeptThroughTheWindowAndTheMarginAfterItThenForgotten()
    {
        var person = await app.Driver.NewPersonAsync("Robin");
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(person.Id, "a", now.AddHours(-1)); // counted by the allowance
        await InsertAsync(person.Id, "b", now - InviteEmailAllowance.Window - TimeSpan.FromHours(1)); // no longer counted, within the margin
        await InsertAsync(person.Id, "c", now - InviteEmailAllowance.Window - InviteEmailAllowance.KeptAfterWindow - TimeSpan.FromMinutes(1));

        await using (var scope = app.Driver.SignedOut())
        {
            await scope.Get<ForgetOldInviteEmailsJob>().RunAsync(CancellationToken.None);
            await scope.Get<ForgetOldInviteEmailsJob>().RunAsync(CancellationToken.None); // idempotent
        }

        Assert.Equal(["a", "b"], await KeptAsync(person.Id));
    }

    private async Task InsertAsync(string senderId, string letter, DateTimeOffset sentAt)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO invite_emails (sender_id, recipient_key, sent_at) VALUES (@sender, repeat(@letter, 64), @sent)", connection);
        command.Parameters.AddWithValue("sender", senderId);
        command.Parameters.AddWithValue("letter", letter);
        command.Parameters.AddWithValue("sent", sentAt);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> KeptAsync(string senderId)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT left(recipient_key, 1) FROM invite_emails WHERE sender_id = @sender ORDER BY 1", connection);
        command.Parameters.AddWithValue("sender", senderId);
        await using var reader = await command.ExecuteReaderAsync();
        var kept = new List<string>();
        while (await reader.ReadAsync())
        {
            kept.Add(reader.GetString(0));
        }

        return kept;
    }
}
