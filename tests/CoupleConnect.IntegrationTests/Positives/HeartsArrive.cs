using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// "Send Sam a heart" reaches Sam (issue 15 item 2): live on Sam's open page, in Sam's latest entries after a reload,
/// and counted on the dashboard as a small positive from Alex. Taking the heart back takes the entry back.
/// </summary>
public sealed class HeartsArrive(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task AHeartOnSamsAnswerReachesSamsOpenPageAndLatestEntriesAndCountsAsAlexsPositive()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");
        await using var samsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Partner);
        var alexsWeekBefore = (await DashboardOfAsync(couple.Inviter)).ThisWeek.Yours;

        await ToggleHeartAsync(couple.Inviter, day);

        Assert.Equal(CoupleChange.CheckInReflected, await samsPage.NextAsync(Patience));
        Assert.Equal(CoupleChange.PositiveLogged, await samsPage.NextAsync(Patience));
        var samSees = await DashboardOfAsync(couple.Partner);
        var heart = Assert.Single(samSees.Latest);
        Assert.Equal((false, PositiveKind.Affection, (DateOnly?)day, true), (heart.ByMe, heart.Kind, heart.HeartOnQuestionOf, heart.CanAcknowledge));
        Assert.Equal(1, samSees.ThisWeek.Partners);
        Assert.Equal(alexsWeekBefore + 1, (await DashboardOfAsync(couple.Inviter)).ThisWeek.Yours);
    }

    [Fact]
    public async Task TakingTheHeartBackTakesItsEntryBackAndHeartingAgainAddsOnlyOne()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");

        await ToggleHeartAsync(couple.Inviter, day);
        await ToggleHeartAsync(couple.Inviter, day);

        Assert.Empty((await DashboardOfAsync(couple.Partner)).Latest);

        await ToggleHeartAsync(couple.Inviter, day);
        await ToggleHeartAsync(couple.Partner, day);

        var samSees = await DashboardOfAsync(couple.Partner);
        Assert.Equal(2, samSees.Latest.Count);
        Assert.Single(samSees.Latest, entry => entry.ByMe);
        Assert.Single(samSees.Latest, entry => !entry.ByMe);
    }

    [Fact]
    public async Task AStrangersOpenPageHearsNothingOfTheHeart()
    {
        var couple = await _app.PairNewAsync();
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");
        await using var strangersPage = await OpenDashboardPage.OpenAsync(_app.Services, stranger.Inviter);

        await ToggleHeartAsync(couple.Inviter, day);

        Assert.False(strangersPage.HasHeardAnything, "A stranger's page heard another couple's heart.");
        Assert.Empty((await DashboardOfAsync(stranger.Inviter)).Latest);
    }

    private async Task<Web.Features.Dashboard.DashboardView> DashboardOfAsync(TestPerson person)
    {
        await using var scope = _app.AsUser(person);
        var view = await scope.Dashboard.GetAsync();
        Assert.NotNull(view);
        return view;
    }

    private async Task ToggleHeartAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        var toggled = await scope.CheckIns.ToggleHeartAsync(day);
        Assert.True(toggled.Succeeded, toggled.Error);
    }
}
