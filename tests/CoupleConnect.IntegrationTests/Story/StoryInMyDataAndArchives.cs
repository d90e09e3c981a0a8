using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Words;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Infrastructure.Security;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>
/// The trust rules for the story (docs/adr/0035, 0036, 0040): "Download my data" holds a person's own moments and sides,
/// never the partner's words; an ended couple's archive holds the story as both were shown it, so words private mode
/// still held when the writer left never reach it; a former partner can take all their story words out of the archive,
/// leaving the other's side under an empty place. The words are ciphertext in the database and plain on every read path.
/// </summary>
public sealed class StoryInMyDataAndArchives(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string AlexsMoment = "The night bus home";
    private const string AlexsLines = "We talked until the last stop.";
    private const string SamsSide = "I remember the rain on the window.";
    private const string SamsMoment = "Building the boat";
    private const string AlexsSide = "I remember the splinters.";
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task MyDownloadHoldsMyMomentsAndMySidesButNotMyPartnersWords()
    {
        var couple = await CoupleWithAStoryAsync();

        var alexs = await Driver.DownloadOfAsync(couple.Inviter);
        var sams = await Driver.DownloadOfAsync(couple.Partner);

        Assert.All(new[] { AlexsMoment, AlexsLines, AlexsSide }, words => Assert.Contains(words, alexs, StringComparison.Ordinal));
        Assert.All(new[] { SamsSide, SamsMoment }, words => Assert.DoesNotContain(words, alexs, StringComparison.Ordinal));
        Assert.All(new[] { SamsSide, SamsMoment }, words => Assert.Contains(words, sams, StringComparison.Ordinal));
        Assert.All(new[] { AlexsMoment, AlexsLines, AlexsSide }, words => Assert.DoesNotContain(words, sams, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEndedCouplesArchiveHoldsTheWholeStoryAsBothWereShownIt()
    {
        var couple = await CoupleWithAStoryAsync();
        await Driver.LeaveAsync(couple.Partner);

        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await Driver.ArchiveOfAsync(former);
            Assert.All(new[] { AlexsMoment, AlexsLines, SamsSide, SamsMoment, AlexsSide }, words => Assert.Contains(words, archive, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WordsWrittenInPrivateModeReachThePartnerTheNextMorningAndNeverTheArchiveIfTheWriterLeftBefore()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var bus = await Driver.WriteMomentAsync(alex, AlexsMoment, new DateOnly(2019, 7, 1));
        await PrivateModeAsync(sam);
        var writtenAt = app.Clock.GetUtcNow();
        var boat = await Driver.WriteMomentAsync(sam, SamsMoment, new DateOnly(2030, 6, 1));
        await Driver.StoryOkAsync(sam, story => story.WriteSideAsync(bus, SamsSide));

        var alexNow = await Driver.StoryViewAsync(alex);
        Assert.Equal([bus], alexNow.Moments.Select(moment => moment.Id));
        Assert.Null(alexNow.Moments[0].OtherSide);
        Assert.False((await Driver.StoryAsync(alex, story => story.WriteSideAsync(boat, AlexsSide))).Succeeded); // not there for Alex yet
        Assert.Equal(2, (await Driver.StoryViewAsync(sam)).Moments.Count);

        app.Clock.SetUtcNow(PrivateMode.PartnerSeesFrom(writtenAt, Berlin));

        var alexInTheMorning = await Driver.StoryViewAsync(alex);
        Assert.Equal([bus, boat], alexInTheMorning.Moments.Select(moment => moment.Id));
        Assert.Equal(SamsSide, alexInTheMorning.Moments[0].OtherSide?.Text);

        // A second couple: Sam writes in private mode and leaves before the morning. Alex's archive never holds it.
        var second = await Driver.PairNewAsync();
        await PrivateModeAsync(second.Partner);
        await Driver.WriteMomentAsync(second.Partner, SamsMoment, new DateOnly(2030, 6, 1));
        await Driver.LeaveAsync(second.Partner);
        app.Clock.Advance(TimeSpan.FromDays(2));

        Assert.DoesNotContain(SamsMoment, await Driver.ArchiveOfAsync(second.Inviter), StringComparison.Ordinal);
        Assert.Contains(SamsMoment, await Driver.DownloadOfAsync(second.Partner), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingMyWordsFromTheArchiveTakesMyMomentsAndSidesAndLeavesTheirSideUnderAnEmptyPlace()
    {
        var couple = await CoupleWithAStoryAsync();
        await Driver.WriteMomentAsync(couple.Inviter, "Alex alone: the first flat", new DateOnly(2020, 2, 2));
        await Driver.LeaveAsync(couple.Partner);

        await using (var alex = Driver.AsUser(couple.Inviter))
        {
            Assert.True(await alex.AuthorWords().RemoveMineFromArchiveAsync() >= 3);
        }

        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await Driver.ArchiveOfAsync(former);
            Assert.All(new[] { AlexsMoment, AlexsLines, AlexsSide, "Alex alone" }, words => Assert.DoesNotContain(words, archive, StringComparison.Ordinal));
            Assert.All(new[] { SamsSide, SamsMoment, "(removed by its author)" }, words => Assert.Contains(words, archive, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StoryWordsAreCiphertextInTheDatabaseAndPlainOnEveryReadPath()
    {
        var couple = await CoupleWithAStoryAsync();
        var shown = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Alex's page"] = System.Text.Json.JsonSerializer.Serialize(await Driver.StoryViewAsync(couple.Inviter)),
            ["Alex's download"] = await Driver.DownloadOfAsync(couple.Inviter),
            ["Sam's download"] = await Driver.DownloadOfAsync(couple.Partner),
            ["the archive"] = await app.ClockedFactory.Services.StoryArchiveAsync(couple.CoupleId),
        };

        foreach (var (where, text) in shown)
        {
            Assert.False(text.Contains("enc:v", StringComparison.Ordinal), $"{where} shows a stored ciphertext.");
            Assert.False(text.Contains(EncryptedPropertyExtensions.UnreadableText, StringComparison.Ordinal), $"{where} shows the unreadable notice.");
        }

        Assert.All(new[] { AlexsMoment, AlexsLines, SamsSide, SamsMoment, AlexsSide }, words => Assert.Contains(words, shown["Alex's page"], StringComparison.Ordinal));
        Assert.All(new[] { AlexsMoment, AlexsLines, SamsSide, SamsMoment, AlexsSide }, words => Assert.Contains(words, shown["the archive"], StringComparison.Ordinal));

        await using var dataSource = NpgsqlDataSource.Create(app.Factory.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT title, rough_time, text FROM story_moments WHERE couple_id = $1 UNION ALL SELECT text, NULL, NULL FROM story_sides WHERE couple_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = couple.CoupleId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var column = 0; column < 3; column++)
            {
                Assert.True(reader.IsDBNull(column) || FieldEncryptor.IsEncryptedFormat(reader.GetString(column)), $"A story text is stored in plain text: {reader.GetValue(column)}");
            }
        }

        Assert.Equal(4, rows);
    }

    /// <summary>Alex's moment (with lines and a rough time) that Sam answered, and Sam's moment that Alex answered.</summary>
    private async Task<PairedCouple> CoupleWithAStoryAsync()
    {
        var couple = await Driver.PairNewAsync();
        var bus = await Driver.WriteMomentAsync(couple.Inviter, AlexsMoment, new DateOnly(2019, 7, 1), AlexsLines, "summer 2019");
        await Driver.StoryOkAsync(couple.Partner, story => story.WriteSideAsync(bus, SamsSide));
        var boat = await Driver.WriteMomentAsync(couple.Partner, SamsMoment, new DateOnly(2026, 6, 1), hardTime: true);
        await Driver.StoryOkAsync(couple.Inviter, story => story.WriteSideAsync(boat, AlexsSide));
        return couple;
    }

    private async Task PrivateModeAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        var result = await scope.Get<PrivacyService>().ChoosePrivateModeAsync(true);
        Assert.True(result.Succeeded, result.Error);
    }
}
