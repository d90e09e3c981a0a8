using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Goals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Words;
using CoupleConnect.Web.Features.Goals;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Goals;

/// <summary>
/// The trust rules for goals (ADR 0035, 0036, 0042): "Download my data" holds the goals whose words a person wrote and
/// their own check-ins, never the partner's; an ended couple's archive holds the goals and the check-ins each was
/// shown, never one still held by private mode; taking back my words takes my goal words and check-ins out of it; the
/// therapist summary counts only shared check-ins and offers each person only their own; every goal text is stored
/// encrypted and read back as written. Clock: Sunday 7 March 2027.
/// </summary>
public sealed class GoalsInMyDataArchivesAndSummaries(WordsAppFixture app) : IClassFixture<WordsAppFixture>
{
    private const string AlexsGoal = "Kayak the whole lake by June";
    private const string AlexsWhy = "We feel brave together on the water.";
    private const string SamsGoal = "Phones in the drawer after nine";
    private const string AlexsNote = "Paddled to the island and back.";
    private const string SamsNote = "Drawer worked three nights out of five.";
    private const string SamsHeldNote = "Wrote this one late, in private mode.";

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task MyDownloadHoldsTheGoalsIWroteAndMyCheckInsButNotMyPartnersWords()
    {
        var couple = await CoupleWithGoalsAsync();

        var alexs = await Driver.DownloadOfAsync(couple.Inviter);
        var sams = await Driver.DownloadOfAsync(couple.Partner);

        Assert.Contains(AlexsGoal, alexs, StringComparison.Ordinal);
        Assert.Contains(AlexsWhy, alexs, StringComparison.Ordinal);
        Assert.Contains(AlexsNote, alexs, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsGoal, alexs, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsNote, alexs, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsHeldNote, alexs, StringComparison.Ordinal);
        Assert.Contains(SamsHeldNote, sams, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexsNote, sams, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedCouplesArchiveHoldsTheGoalsAndSharedCheckInsButNeverOneStillHeldByPrivateMode()
    {
        var couple = await CoupleWithGoalsAsync();
        await Driver.LeaveAsync(couple.Partner);

        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await Driver.ArchiveOfAsync(former);
            Assert.All(new[] { AlexsGoal, AlexsWhy, SamsGoal, AlexsNote, SamsNote }, words => Assert.Contains(words, archive, StringComparison.Ordinal));
            Assert.DoesNotContain(SamsHeldNote, archive, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TakingBackMyWordsTakesMyGoalWordsAndCheckInsOutOfTheArchiveAndLeavesMyFormerPartners()
    {
        var couple = await CoupleWithGoalsAsync();
        await Driver.LeaveAsync(couple.Partner);

        await using (var alex = Driver.AsUser(couple.Inviter))
        {
            Assert.True(await alex.AuthorWords().RemoveMineFromArchiveAsync() >= 2);
        }

        var archive = await Driver.ArchiveOfAsync(couple.Partner);
        Assert.All(new[] { AlexsGoal, AlexsWhy, AlexsNote }, words => Assert.DoesNotContain(words, archive, StringComparison.Ordinal));
        Assert.All(new[] { SamsGoal, SamsNote }, words => Assert.Contains(words, archive, StringComparison.Ordinal));
        Assert.Contains(Goal.RemovedName, archive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionSummaryCountsSharedCheckInsAndOffersEachPersonOnlyTheirOwnSharedOnes()
    {
        var couple = await CoupleWithGoalsAsync();
        var source = app.ClockedFactory.Services.CreateScope().ServiceProvider.GetServices<ISessionSummarySource>().OfType<GoalSummarySource>().Single();
        var today = new DateOnly(2027, 3, 7);
        var scope = new SessionSummaryScope(couple.CoupleId, today.AddDays(-30), today, "Europe/Berlin", new Dictionary<string, string>(), app.Clock.GetUtcNow());

        var section = await source.SectionAsync(scope, default);
        var alexs = await source.EntriesAsync(scope, couple.Inviter.Id, default);
        var sams = await source.EntriesAsync(scope, couple.Partner.Id, default);

        Assert.NotNull(section);
        Assert.Equal("Goals", section.Title);
        Assert.Equal("Active · 1 check-in", section.Facts.Single(fact => fact.Label == AlexsGoal).Value);
        Assert.Equal("Active · 1 check-in", section.Facts.Single(fact => fact.Label == SamsGoal).Value); // the held one is not counted
        Assert.Equal(AlexsNote, Assert.Single(alexs).Text);
        Assert.Equal((GoalSummarySource.EntryKind, SamsNote), (Assert.Single(sams).Kind, Assert.Single(sams).Text));
        Assert.Null(await source.SectionAsync(scope with { From = today.AddYears(-2), To = today.AddYears(-1) }, default));
    }

    [Fact]
    public async Task EveryGoalTextIsStoredEncryptedAndReadBackAsWrittenEverywhere()
    {
        var couple = await CoupleWithGoalsAsync();

        foreach (var (column, table) in new[] { ("name", "goals"), ("why", "goals"), ("text", "goal_notes") })
        {
            Assert.Empty(await PlaintextAsync(table, column));
        }

        var shown = string.Join('\n', await Driver.DownloadOfAsync(couple.Inviter), System.Text.Json.JsonSerializer.Serialize(await Driver.GoalsViewAsync(couple.Partner)));
        Assert.DoesNotContain("enc:v", shown, StringComparison.Ordinal);
        Assert.Contains(AlexsWhy, shown, StringComparison.Ordinal);
    }

    /// <summary>Alex's goal (with a why) and check-in; Sam's goal, a check-in, and one more written in private mode.</summary>
    private async Task<PairedCouple> CoupleWithGoalsAsync()
    {
        var couple = await app.NewCoupleAsync();
        var alexs = await Driver.SetGoalAsync(couple.Inviter, AlexsGoal, AlexsWhy, GoalRhythm.Monthly);
        var sams = await Driver.SetGoalAsync(couple.Partner, SamsGoal);
        await Driver.CheckInAsync(couple.Inviter, alexs, AlexsNote);
        await Driver.CheckInAsync(couple.Partner, sams, SamsNote);
        Assert.True((await Driver.PrivacyAsync(couple.Partner, privacy => privacy.ChoosePrivateModeAsync(on: true))).Succeeded);
        await Driver.CheckInAsync(couple.Partner, sams, SamsHeldNote);
        return couple;
    }

    private async Task<List<string>> PlaintextAsync(string table, string column)
    {
        await using var dataSource = NpgsqlDataSource.Create(app.Factory.ConnectionString);
        await using var command = dataSource.CreateCommand($"SELECT {column} FROM {table} WHERE {column} IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync();
        var plaintext = new List<string>();
        while (await reader.ReadAsync())
        {
            if (!FieldEncryptor.IsEncryptedFormat(reader.GetString(0)))
            {
                plaintext.Add($"{table}.{column}: {reader.GetString(0)}");
            }
        }

        return plaintext;
    }
}
