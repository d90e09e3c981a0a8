using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Privacy;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>
/// The weekly temperature through the real app (docs/adr/0041): each answer is private until both answered that week;
/// then both see both. Until the reveal the author may change or take back their answer; after it, nobody can. Private
/// mode holds an answer (and so the reveal) until the next morning. The clock: from Sunday 7 March 2027 (Berlin home zone).
/// </summary>
public sealed class AnsweringTheWeeklyTemperature(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task MyAnswerStaysHiddenFromMyPartnerUntilTheyAnswerThenBothSeeBoth()
    {
        var couple = await app.NewCoupleAsync();

        await Driver.AnswerTemperatureAsync(couple.Inviter, 8, "We cooked together on Tuesday", "A walk by the river");
        var samBefore = await Driver.TemperatureViewAsync(couple.Partner);
        var alexBefore = await Driver.TemperatureViewAsync(couple.Inviter);

        Assert.Null(samBefore.Mine);
        Assert.True(samBefore.PartnerAnswered);
        Assert.Null(samBefore.Revealed);
        Assert.DoesNotContain("We cooked together on Tuesday", System.Text.Json.JsonSerializer.Serialize(samBefore), StringComparison.Ordinal);
        Assert.Equal(8, alexBefore.Mine?.Connected);
        Assert.False(alexBefore.PartnerAnswered);
        Assert.Null(alexBefore.Revealed);

        await Driver.AnswerTemperatureAsync(couple.Partner, 6, "You listened when I was tired", "An early night together");
        var sam = await Driver.TemperatureViewAsync(couple.Partner);
        var alex = await Driver.TemperatureViewAsync(couple.Inviter);

        Assert.Equal(("You listened when I was tired", "We cooked together on Tuesday"), (sam.Revealed?.Mine.Gain, sam.Revealed?.Partners.Gain));
        Assert.Equal((8, 6), (alex.Revealed?.Mine.Connected, alex.Revealed?.Partners.Connected));
        Assert.Equal((8, 6), (alex.Trend[^1].Mine, alex.Trend[^1].Partners));
        Assert.Equal(12, alex.Trend.Count);
        Assert.Contains(alex.LatestGains, gain => gain.Text == "You listened when I was tired" && gain.AuthorName == "Sam");
    }

    [Fact]
    public async Task BeforeTheRevealIMayChangeOrTakeBackMyAnswerAndAfterItNobodyCan()
    {
        var couple = await app.NewCoupleAsync();
        await Driver.AnswerTemperatureAsync(couple.Inviter, 3, "First words", "First wish");

        await Driver.AnswerTemperatureAsync(couple.Inviter, 5, "Second words", "Second wish");
        Assert.Equal("Second words", (await Driver.TemperatureViewAsync(couple.Inviter)).Mine?.Gain);

        Assert.True((await Driver.TryTemperatureAsync(couple.Inviter, temperature => temperature.WithdrawAsync())).Succeeded);
        Assert.Null((await Driver.TemperatureViewAsync(couple.Inviter)).Mine);
        Assert.False((await Driver.TemperatureViewAsync(couple.Partner)).PartnerAnswered);
        var nothing = await Driver.TryTemperatureAsync(couple.Inviter, temperature => temperature.WithdrawAsync());
        Assert.Equal(Web.Features.Temperature.TemperatureService.NothingToWithdrawMessage, nothing.Error);

        await Driver.AnswerTemperatureAsync(couple.Inviter, 7, "Third words", "Third wish");
        await Driver.AnswerTemperatureAsync(couple.Partner, 7, "Sam's words", "Sam's wish");

        var changed = await Driver.TryTemperatureAsync(couple.Inviter, temperature => temperature.AnswerAsync(1, "Changed after the reveal", "No"));
        var withdrawn = await Driver.TryTemperatureAsync(couple.Partner, temperature => temperature.WithdrawAsync());
        Assert.False(changed.Succeeded);
        Assert.False(withdrawn.Succeeded);
        Assert.Contains("shared now", changed.Error, StringComparison.Ordinal);
        var sam = await Driver.TemperatureViewAsync(couple.Partner);
        Assert.Equal(("Third words", 7), (sam.Revealed?.Partners.Gain, sam.Revealed?.Partners.Connected));
    }

    [Fact]
    public async Task AnAnswerWrittenInPrivateModeRevealsTheWeekOnlyTheNextMorning()
    {
        var couple = await app.NewCoupleAsync();
        await using (var asAlex = Driver.AsUser(couple.Inviter))
        {
            Assert.True((await asAlex.Get<PrivacyService>().ChoosePrivateModeAsync(true)).Succeeded);
        }

        await Driver.AnswerTemperatureAsync(couple.Partner, 9, "Sam's open words", "Sam's open wish");
        await Driver.AnswerTemperatureAsync(couple.Inviter, 4, "Alex's private words", "Alex's private wish");

        var samTonight = await Driver.TemperatureViewAsync(couple.Partner);
        Assert.False(samTonight.PartnerAnswered);
        Assert.Null(samTonight.Revealed);
        Assert.Null((await Driver.TemperatureViewAsync(couple.Inviter)).Revealed);

        // The morning after, in Berlin (the couple's home zone): both see both, if the answers are still in the same week.
        var weekBefore = samTonight.ThisWeek;
        app.Clock.SetUtcNow(Domain.Couples.PrivateMode.PartnerSeesFrom(app.Clock.GetUtcNow(), Domain.Common.TimeZoneId.Parse(RitualsAppFixture.HomeZone)));
        var samMorning = await Driver.TemperatureViewAsync(couple.Partner);
        if (samMorning.ThisWeek == weekBefore)
        {
            Assert.Equal("Alex's private words", samMorning.Revealed?.Partners.Gain);
        }
        else
        {
            Assert.Equal(4, samMorning.Trend.Single(week => week.WeekOf == weekBefore).Partners);
        }
    }

    [Fact]
    public async Task AnUnpairedPersonIsToldPlainlyAndNothingIsSaved()
    {
        var alone = await Driver.NewPersonAsync("Robin");

        var answered = await Driver.TryTemperatureAsync(alone, temperature => temperature.AnswerAsync(5, "gain", "wish"));

        Assert.Equal(Web.Features.Temperature.TemperatureService.NotPairedMessage, answered.Error);
        Assert.Null(await Driver.TemperatureAsync(alone, temperature => temperature.GetAsync()));
    }
}
