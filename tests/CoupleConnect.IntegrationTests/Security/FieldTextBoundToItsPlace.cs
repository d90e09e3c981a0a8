using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// In the running app, a partner's text is bound to the table and column it is stored in (docs/adr/0017): moved
/// elsewhere it reads as a plain notice, and text from before the binding still reads and is bound at the next start.
/// </summary>
public sealed class FieldTextBoundToItsPlace(AppFixture app) : IClassFixture<AppFixture>
{
    private const string AlexsAnswer = "The quiet Sunday breakfast.";
    private const string SamsAnswer = "When you laughed at my terrible pun.";
    private const string SamsReflection = "You love slow mornings with me.";

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task AnAnswerCopiedIntoAReflectionShowsAPlainNoticeAndTheDayStillOpens()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, AlexsAnswer, SamsAnswer);
        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.True((await asSam.CheckIns.ReflectAsync(day, SamsReflection)).Succeeded);
        }

        var alexsRow = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        var samsRow = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Partner.Id);
        await ExecuteAsync("UPDATE check_in_answers SET reflection_text = @value WHERE id = @id", alexsRow.Id, samsRow.Text);

        await using var asAlex = _app.AsUser(couple.Inviter);
        var revealed = (await asAlex.CheckIns.GetDayAsync(day))?.Revealed;

        Assert.NotNull(revealed);
        Assert.Equal(EncryptedPropertyExtensions.UnreadableText, revealed.PartnersReflectionOnMe);
        Assert.Equal(SamsAnswer, revealed.PartnerAnswer); // the rest of the day reads as before
    }

    [Fact]
    public async Task AnAnswerEncryptedBeforeTextWasBoundStillReadsAndIsBoundWhenTheAppNextStarts()
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        await _app.AnswerAsync(couple.Inviter, day, "written now, replaced below");
        var row = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        var unbound = app.Factory.Services.GetRequiredService<FieldEncryptor>().Encrypt(AlexsAnswer); // the v1 format of earlier versions
        await ExecuteAsync("UPDATE check_in_answers SET text = @value WHERE id = @id", row.Id, unbound);
        Assert.Equal(AlexsAnswer, await MyAnswerAsync(couple.Inviter, day));

        await using (var restarted = new CoupleConnectAppFactory(app.Factory.ConnectionString))
        {
            _ = restarted.Server; // the start runs the migrate step
        }

        var rebound = (await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id)).Text;
        Assert.StartsWith("enc:v3:", rebound, StringComparison.Ordinal);
        Assert.Equal(AlexsAnswer, await MyAnswerAsync(couple.Inviter, day));
    }

    private async Task<string?> MyAnswerAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        return (await scope.CheckIns.GetDayAsync(day))?.MyAnswer;
    }

    private async Task ExecuteAsync(string sql, Guid id, string? value)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("value", (object?)value ?? DBNull.Value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
