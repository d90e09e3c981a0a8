using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// An open page hears its partner's changes (ADR 0010): the page's subscription is the service's
/// <c>SubscribeAsync</c>. A change reaches the couple's listeners before the partner's call returns, so "did not
/// fire" is checked right after that call, with no waiting.
/// </summary>
public sealed class LiveUpdates(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task WhenSamAnswersAlexsOpenPageHearsItAndAStrangersDoesNot()
    {
        var couple = await _app.PairNewAsync();
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");
        var day = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        var alexHeard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var strangerHeard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var alexsPage = _app.AsUser(couple.Inviter);
        await using var strangersPage = _app.AsUser(stranger.Inviter);
        using var alexsSubscription = await alexsPage.CheckIns.SubscribeAsync(change => Heard(alexHeard, change));
        using var strangersSubscription = await strangersPage.CheckIns.SubscribeAsync(change => Heard(strangerHeard, change));
        Assert.NotNull(alexsSubscription);
        Assert.NotNull(strangersSubscription);

        await _app.AnswerAsync(couple.Partner, day, "Sam's answer, live");

        Assert.Equal(CoupleChange.CheckInAnswered, await alexHeard.Task.WaitAsync(Patience));
        Assert.False(strangerHeard.Task.IsCompleted, "The stranger's page heard another couple's answer.");
        // What Alex's page then reloads: Sam has answered, and shows no text until Alex answers.
        var reloaded = await alexsPage.CheckIns.GetDayAsync(day);
        Assert.True(reloaded is { PartnerHasAnswered: true, Revealed: null });
    }

    [Fact]
    public async Task ReflectionsAndHeartsReachThePartnerAndAClosedPageHearsNothing()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");
        var samHeard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var samsPage = _app.AsUser(couple.Partner);
        var subscription = await samsPage.CheckIns.SubscribeAsync(change => Heard(samHeard, change));
        Assert.NotNull(subscription);

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            Assert.True((await asAlex.CheckIns.ReflectAsync(day, "You mean it")).Succeeded);
        }

        Assert.Equal(CoupleChange.CheckInReflected, await samHeard.Task.WaitAsync(Patience));

        subscription.Dispose(); // the page closed
        var afterClose = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        samHeard = afterClose;
        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            Assert.True((await asAlex.CheckIns.ToggleHeartAsync(day)).Succeeded);
        }

        Assert.False(afterClose.Task.IsCompleted, "A disposed subscription still heard the couple's change.");
    }

    [Fact]
    public async Task ARefusedChangeIsNotAnnounced()
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        var alexHeard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var alexsPage = _app.AsUser(couple.Inviter);
        using var subscription = await alexsPage.CheckIns.SubscribeAsync(change => Heard(alexHeard, change));

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.False((await asSam.CheckIns.AnswerAsync(day, "   ")).Succeeded);
            Assert.False((await asSam.CheckIns.ReflectAsync(day, "Too early")).Succeeded);
        }

        Assert.False(alexHeard.Task.IsCompleted, "A refused change was announced to the partner's page.");
    }

    private static Task Heard(TaskCompletionSource<CoupleChange> heard, CoupleChange change)
    {
        heard.TrySetResult(change);
        return Task.CompletedTask;
    }
}
