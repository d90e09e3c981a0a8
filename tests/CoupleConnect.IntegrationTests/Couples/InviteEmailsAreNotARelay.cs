using CoupleConnect.IntegrationTests.Infrastructure;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>
/// Issue 13, item 12: the invite email cannot be used to send mail to strangers in bulk, and the sender's name in it is
/// plain text on one line, whatever is stored.
/// </summary>
public sealed class InviteEmailsAreNotARelay(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task APersonMaySendFiveInviteEmailsADayAndTheSixthIsRefusedAndNotSent()
    {
        var alex = await app.Driver.NewPersonAsync("Alex");
        await app.Driver.InviteAsync(alex);
        var addresses = Enumerable.Range(1, 6).Select(index => AppFixture.UniqueEmail($"friend{index}")).ToList();
        await using var asAlex = app.Driver.AsUser(alex);

        for (var index = 0; index < 5; index++)
        {
            var sent = await asAlex.Invites.EmailAsync(addresses[index]);
            Assert.True(sent.Succeeded, sent.Error);
        }

        var sixth = await asAlex.Invites.EmailAsync(addresses[5]);

        Assert.False(sixth.Succeeded);
        Assert.Contains("5 invite emails today", sixth.Error, StringComparison.Ordinal);
        Assert.Empty(app.Driver.MailTo(addresses[5]));
        Assert.All(addresses.Take(5), address => Assert.Single(app.Driver.MailTo(address)));
    }

    [Fact]
    public async Task OneAddressReceivesAtMostThreeInviteEmailsADayFromEveryoneTogether()
    {
        var target = AppFixture.UniqueEmail("target");
        for (var sender = 1; sender <= 4; sender++)
        {
            var person = await app.Driver.NewPersonAsync($"Sender {sender}");
            await app.Driver.InviteAsync(person);
            await using var asSender = app.Driver.AsUser(person);
            var result = await asSender.Invites.EmailAsync(target);
            Assert.Equal(sender <= 3, result.Succeeded);
        }

        Assert.Equal(3, app.Driver.MailTo(target).Count);
    }

    [Fact]
    public async Task AStoredNameWithLineBreaksOrMarkupCannotAddHeadersOrMarkupToTheInvite()
    {
        var mallory = await app.Driver.NewPersonAsync("Mallory");
        await using (var connection = new NpgsqlConnection(app.Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("""UPDATE "AspNetUsers" SET display_name = @name WHERE id = @id""", connection);
            update.Parameters.AddWithValue("name", "M\r\nBcc: v@example.test\r\n<b>WIN</b>");
            update.Parameters.AddWithValue("id", mallory.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync()); // a row that never passed the name rules
        }

        await app.Driver.InviteAsync(mallory);
        var target = AppFixture.UniqueEmail("target");
        await using (var asMallory = app.Driver.AsUser(mallory))
        {
            Assert.True((await asMallory.Invites.EmailAsync(target)).Succeeded);
        }

        var invite = Assert.Single(app.Driver.MailTo(target));
        Assert.Equal("M Bcc: v@example.test b WIN /b invites you to CoupleConnect", invite.Subject); // one line, no markup
        Assert.Empty(invite.Bcc);
        Assert.DoesNotContain(invite.Headers, header => header.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("<b>", invite.HtmlBody, StringComparison.Ordinal);
    }
}
