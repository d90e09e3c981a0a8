using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>
/// Where weekly answers may go (docs/adr/0041, ADR 0035): my download holds my own answers, revealed or not, and never
/// my partner's; an ended couple's archive and a therapist summary hold only weeks both answered (as both saw them);
/// removing my words from an ended couple takes my answers out of the archive. Stored encrypted.
/// </summary>
public sealed class TemperatureInMyDataArchivesAndSummaries(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task MyDownloadHoldsMyOwnAnswersEvenUnrevealedButNeverMyPartners()
    {
        var couple = await app.NewCoupleAsync();
        await Driver.AnswerTemperatureAsync(couple.Inviter, 7, "Unrevealed gain of Alex", "Unrevealed wish of Alex");

        var alexs = await TemperatureTestKit.TemperatureDownloadAsync(app.ClockedFactory, couple.Inviter.Id);
        var samsBefore = await TemperatureTestKit.TemperatureDownloadAsync(app.ClockedFactory, couple.Partner.Id);
        await Driver.AnswerTemperatureAsync(couple.Partner, 5, "Gain of Sam", "Wish of Sam");
        var samsAfter = await TemperatureTestKit.TemperatureDownloadAsync(app.ClockedFactory, couple.Partner.Id);

        Assert.Contains("Unrevealed gain of Alex", alexs, StringComparison.Ordinal);
        Assert.Contains("Unrevealed wish of Alex", alexs, StringComparison.Ordinal);
        Assert.DoesNotContain("of Alex", samsBefore, StringComparison.Ordinal);
        Assert.Contains("Gain of Sam", samsAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("of Alex", samsAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedCouplesArchiveHoldsOnlyWeeksBothAnsweredAndNotMyWordsOnceIRemoveThem()
    {
        var couple = await app.NewCoupleAsync();
        await Driver.AnswerTemperatureAsync(couple.Inviter, 7, "Revealed gain of Alex", "Revealed wish of Alex");
        await Driver.AnswerTemperatureAsync(couple.Partner, 6, "Revealed gain of Sam", "Revealed wish of Sam");
        app.Clock.Advance(TimeSpan.FromDays(7));
        await Driver.AnswerTemperatureAsync(couple.Inviter, 2, "Lonely gain of Alex", "Lonely wish of Alex");
        await Driver.LeaveAsync(couple.Partner);

        var archive = await TemperatureTestKit.TemperatureArchiveAsync(app.ClockedFactory, couple.CoupleId, app.Clock.GetUtcNow());

        Assert.Contains("Revealed gain of Alex", archive, StringComparison.Ordinal);
        Assert.Contains("Revealed wish of Sam", archive, StringComparison.Ordinal);
        Assert.DoesNotContain("Lonely", archive, StringComparison.Ordinal);

        await using (var asSam = Driver.AsUser(couple.Partner))
        {
            await asSam.Get<Web.Features.Couples.AuthorWords>().RemoveFromEndedCoupleAsync(couple.Partner.Id, couple.CoupleId, default);
        }

        var afterRemoving = await TemperatureTestKit.TemperatureArchiveAsync(app.ClockedFactory, couple.CoupleId, app.Clock.GetUtcNow());
        Assert.DoesNotContain("of Sam", afterRemoving, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionSummaryShowsRevealedWeeksOnlyAndOffersEachPersonTheirOwnRevealedGains()
    {
        var couple = await app.NewCoupleAsync();
        await Driver.AnswerTemperatureAsync(couple.Inviter, 8, "Summary gain of Alex", "Wish");
        await Driver.AnswerTemperatureAsync(couple.Partner, 5, "Summary gain of Sam", "Wish");
        var revealedWeek = (await Driver.TemperatureViewAsync(couple.Inviter)).ThisWeek;
        app.Clock.Advance(TimeSpan.FromDays(7));
        await Driver.AnswerTemperatureAsync(couple.Inviter, 3, "Unrevealed gain of Alex", "Wish");
        var scope = new SessionSummaryScope(
            couple.CoupleId,
            revealedWeek.AddDays(-7),
            revealedWeek.AddDays(13),
            RitualsAppFixture.HomeZone,
            new Dictionary<string, string> { [couple.Inviter.Id] = "Alex", [couple.Partner.Id] = "Sam" },
            app.Clock.GetUtcNow());
        var source = app.ClockedFactory.Services.CreateScope().ServiceProvider.GetServices<ISessionSummarySource>()
            .Single(candidate => candidate is Web.Features.Temperature.TemperatureSummarySource);

        var section = await source.SectionAsync(scope, default);
        var alexs = await source.EntriesAsync(scope, couple.Inviter.Id, default);

        Assert.NotNull(section);
        Assert.Equal("Emotional temperature", section.Title);
        var alexTrend = section.Trends.Single(trend => trend.Name == "Alex");
        Assert.Equal([null, 8, null], alexTrend.Points.Select(point => point.Value));
        Assert.Equal("1 of 3", section.Facts.Single(fact => fact.Label == "Weeks both answered").Value);
        var gain = Assert.Single(alexs);
        Assert.Equal(("temperature-gain", "Summary gain of Alex", couple.Inviter.Id), (gain.Kind, gain.Text, gain.AuthorId));
    }

    [Fact]
    public async Task WhatEachPersonWritesIsStoredEncrypted()
    {
        var couple = await app.NewCoupleAsync();
        await Driver.AnswerTemperatureAsync(couple.Inviter, 8, "Stored gain of Alex", "Stored wish of Alex");

        await using var dataSource = NpgsqlDataSource.Create(app.Factory.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT gain, wish FROM temperature_answers");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.True(FieldEncryptor.IsEncryptedFormat(reader.GetString(0)), "A small gain is stored in plain text.");
            Assert.True(FieldEncryptor.IsEncryptedFormat(reader.GetString(1)), "A wish is stored in plain text.");
        }

        Assert.True(rows > 0);
        Assert.Equal("Stored gain of Alex", (await Driver.TemperatureViewAsync(couple.Inviter)).Mine?.Gain);
    }
}
