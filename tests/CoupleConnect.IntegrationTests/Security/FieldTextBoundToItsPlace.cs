using System.Text.Encodings.Web;
using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// In the running app, a partner's text is bound to the table, column and row it is stored in (docs/adr/0017): moved
/// elsewhere, even into the same column of another row, it reads as a plain notice wherever it would be shown, and text
/// from before the binding still reads and is bound to its row at the next start.
/// </summary>
public sealed class FieldTextBoundToItsPlace(AppFixture app) : IClassFixture<AppFixture>
{
    private const string AlexsAnswer = "The quiet Sunday breakfast.";
    private const string SamsAnswer = "When you laughed at my terrible pun.";
    private const string SamsReflection = "You love slow mornings with me.";

    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
    public async Task APartnersAnswerCopiedIntoTheOtherPartnersRowShowsAPlainNoticeOnTheDayInHistoryAndInTheDownload()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, AlexsAnswer, SamsAnswer);
        var alexsRow = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        var samsRow = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Partner.Id);

        // Same table, same column, the row beside it: only the row key tells them apart.
        await ExecuteAsync("UPDATE check_in_answers SET text = @value WHERE id = @id", alexsRow.Id, samsRow.Text);

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            var alexSees = await asAlex.CheckIns.GetDayAsync(day);
            Assert.Equal(EncryptedPropertyExtensions.UnreadableText, alexSees?.MyAnswer);
            Assert.Equal(SamsAnswer, alexSees?.Revealed?.PartnerAnswer); // Sam's own row still reads
            var inHistory = Assert.Single((await asAlex.CheckIns.GetHistoryAsync(1))!.Days);
            Assert.Equal(EncryptedPropertyExtensions.UnreadableText, inHistory.MyAnswer);
        }

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.Equal(EncryptedPropertyExtensions.UnreadableText, (await asSam.CheckIns.GetDayAsync(day))?.Revealed?.PartnerAnswer);
        }

        var alexsDownload = await CheckInDownloadAsync(couple.Inviter);
        Assert.DoesNotContain(SamsAnswer, alexsDownload, StringComparison.Ordinal);
        Assert.Contains(EncryptedPropertyExtensions.UnreadableText, alexsDownload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerCopiedIntoAnotherCouplesRowShowsThemAPlainNoticeNeverTheOtherCouplesWords()
    {
        var first = await _app.PairNewAsync();
        var firstDay = await _app.BothAnswerTodayAsync(first, AlexsAnswer, SamsAnswer);
        var second = await _app.PairNewAsync("Jo", "Rae");
        var secondDay = await _app.BothAnswerTodayAsync(second, "Jo's own answer.", "Rae's own answer.");
        var alexsRow = await _app.CheckInTables.AnswerAsync(first.CoupleId, firstDay, first.Inviter.Id);
        var josRow = await _app.CheckInTables.AnswerAsync(second.CoupleId, secondDay, second.Inviter.Id);

        await ExecuteAsync("UPDATE check_in_answers SET text = @value WHERE id = @id", josRow.Id, alexsRow.Text);

        await using (var asJo = _app.AsUser(second.Inviter))
        {
            Assert.Equal(EncryptedPropertyExtensions.UnreadableText, (await asJo.CheckIns.GetDayAsync(secondDay))?.MyAnswer);
        }

        await using (var asRae = _app.AsUser(second.Partner))
        {
            Assert.Equal(EncryptedPropertyExtensions.UnreadableText, (await asRae.CheckIns.GetDayAsync(secondDay))?.Revealed?.PartnerAnswer);
        }

        var josDownload = await CheckInDownloadAsync(second.Inviter);
        Assert.DoesNotContain(AlexsAnswer, josDownload, StringComparison.Ordinal);
        Assert.Contains(EncryptedPropertyExtensions.UnreadableText, josDownload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task AnAnswerAnInstallationEncryptedBeforeTextWasBoundToItsRowIsBoundWhenTheMigrateStepFirstRuns(string format)
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.AnswerTodayAsync(couple.Inviter, "written now, replaced below")).Day;
        var row = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        var encryptor = app.Factory.Services.GetRequiredService<FieldEncryptor>();
        var older = OlderFormat(encryptor, format);
        await ExecuteAsync("UPDATE check_in_answers SET text = @value WHERE id = @id", row.Id, older);
        await ForgetTheUpgradeAsync(); // as an installation from before the upgrade

        await RestartAsync(); // the start runs the migrate step

        var rebound = (await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id)).Text;
        Assert.StartsWith("enc:v3:", rebound, StringComparison.Ordinal);
        Assert.Equal(AlexsAnswer, encryptor.Decrypt(rebound, StoredPlace.Of("check_in_answers", "text", row.Id.ToString())));
        Assert.Equal(AlexsAnswer, await MyAnswerAsync(couple.Inviter, day));
        Assert.Equal(1, await CountMarkersAsync());
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task OnceUpgradedAnOldFormatValuePutIntoARowIsNeitherReadNorBoundToThatRow(string format)
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.AnswerTodayAsync(couple.Inviter, "written now, replaced below")).Day;
        var row = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        var older = OlderFormat(app.Factory.Services.GetRequiredService<FieldEncryptor>(), format); // e.g. from an old backup
        Assert.Equal(1, await CountMarkersAsync()); // this installation was upgraded when it started

        await ExecuteAsync("UPDATE check_in_answers SET text = @value WHERE id = @id", row.Id, older);

        Assert.Equal(EncryptedPropertyExtensions.UnreadableText, await MyAnswerAsync(couple.Inviter, day));
        await RestartAsync(); // another migrate step must not launder it into a value bound to this row
        Assert.Equal(older, (await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id)).Text);
        Assert.Equal(EncryptedPropertyExtensions.UnreadableText, await MyAnswerAsync(couple.Inviter, day));
    }

    private static string OlderFormat(FieldEncryptor encryptor, string format)
    {
        var older = format == "v1"
            ? encryptor.Encrypt(AlexsAnswer) // unbound, as every version before ADR 0017 wrote
            : encryptor.Encrypt(AlexsAnswer, StoredPlace.Of("check_in_answers", "text")); // bound to the column only
        Assert.StartsWith($"enc:{format}:", older, StringComparison.Ordinal);
        return older;
    }

    private async Task RestartAsync()
    {
        await using var restarted = new CoupleConnectAppFactory(app.Factory.ConnectionString);
        _ = restarted.Server;
    }

    private async Task ForgetTheUpgradeAsync()
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM field_text_upgrade", connection);
        await delete.ExecuteNonQueryAsync();
    }

    private async Task<long> CountMarkersAsync()
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM field_text_upgrade", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<string> CheckInDownloadAsync(TestPerson person)
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(person.Id);
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(candidate => candidate.Section == "checkIns");
        // Unescaped, so the notice's apostrophe reads as written.
        return JsonSerializer.Serialize(await source.ExportAsync(user!, CancellationToken.None), AsWritten);
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
