using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Goals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Goals;
using CoupleConnect.Web.Features.Privacy;

namespace CoupleConnect.IntegrationTests.Goals;

/// <summary>
/// Issue 18, item 3, through the real app: a couple's shared goals (at most three active), check-ins by either, "keep,
/// change or let go", the history, the check-in rhythm shown on the page, live updates and private mode's morning hold.
/// </summary>
public sealed class SharedGoals(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task AGoalEitherPartnerSetsIsSharedAndBothSeeEachOthersCheckIns()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);

        var goal = await Driver.SetGoalAsync(sam, "A walk together every Sunday", "We talk best when we walk.", GoalRhythm.Weekly);
        await Driver.CheckInAsync(alex, goal, "Two walks so far, one in the rain.");
        await Driver.CheckInAsync(sam, goal, "The rainy one was the best.");

        foreach (var (person, mine) in new[] { (alex, "Two walks so far, one in the rain."), (sam, "The rainy one was the best.") })
        {
            var shown = Assert.Single((await Driver.GoalsViewAsync(person)).Active);
            Assert.Equal(("A walk together every Sunday", "We talk best when we walk.", GoalRhythm.Weekly, "Sam"), (shown.Name, shown.Why, shown.Rhythm, shown.SetByName));
            Assert.Equal(2, shown.Notes.Count);
            Assert.Equal(mine, Assert.Single(shown.Notes, note => note.Mine).Text);
        }
    }

    [Fact]
    public async Task AFourthActiveGoalIsRefusedKindlyUntilOneIsLetGoAndTheLetGoGoalStaysInTheHistory()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var first = await Driver.SetGoalAsync(alex, "Cook together on Fridays");
        await Driver.SetGoalAsync(sam, "Phones away at dinner");
        await Driver.SetGoalAsync(alex, "Plan a weekend away");

        var fourth = await Driver.GoalsAsync(sam, goals => goals.SetAsync(new GoalInput { Name = "Learn to dance" }));

        Assert.False(fourth.Succeeded);
        Assert.Equal(GoalRuleException.MessageFor(GoalRule.TooManyActive), fourth.Error);
        Assert.True((await Driver.GoalsViewAsync(sam)).IsFull);

        await Driver.GoalOkAsync(sam, goals => goals.LetGoAsync(first));
        await Driver.SetGoalAsync(sam, "Learn to dance");

        var view = await Driver.GoalsViewAsync(alex);
        Assert.Equal(3, view.Active.Count);
        var past = Assert.Single(view.History);
        Assert.Equal(("Cook together on Fridays", GoalStatus.LetGo), (past.Name, past.Status));
        Assert.False((await Driver.GoalsAsync(alex, goals => goals.CheckInAsync(first, "Still cooking"))).Succeeded);
    }

    [Fact]
    public async Task BothPartnersSettingTheLastGoalAtTheSameMomentLeaveThreeActiveGoals()
    {
        var couple = await Driver.PairNewAsync();
        await Driver.SetGoalAsync(couple.Inviter, "Cook together on Fridays");
        await Driver.SetGoalAsync(couple.Partner, "Phones away at dinner");

        var (alexs, sams) = await Simultaneously.RunAsync(
            () => Driver.GoalsAsync(couple.Inviter, goals => goals.SetAsync(new GoalInput { Name = "Plan a weekend away" })),
            () => Driver.GoalsAsync(couple.Partner, goals => goals.SetAsync(new GoalInput { Name = "Learn to dance" })));

        Assert.Single(new[] { alexs, sams }, result => result.Succeeded);
        Assert.Equal(3, (await Driver.GoalsViewAsync(couple.Inviter)).Active.Count);
    }

    [Fact]
    public async Task KeepChangeAndDoneEachDoWhatTheySayForBoth()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var kept = await Driver.SetGoalAsync(alex, "Cook together on Fridays");
        var changed = await Driver.SetGoalAsync(alex, "Phones away at dinner", "We miss each other's faces.");
        var done = await Driver.SetGoalAsync(alex, "Plan a weekend away");

        await Driver.GoalOkAsync(sam, goals => goals.KeepAsync(kept));
        await Driver.GoalOkAsync(sam, goals => goals.ChangeAsync(changed, new GoalInput { Name = "Phones away at dinner on weekdays", Why = null, Rhythm = GoalRhythm.Monthly }));
        await Driver.GoalOkAsync(sam, goals => goals.MarkDoneAsync(done));

        var view = await Driver.GoalsViewAsync(alex);
        Assert.NotNull(view.Active.Single(goal => goal.Id == kept).KeptOn);
        var renegotiated = view.Active.Single(goal => goal.Id == changed);
        Assert.Equal(("Phones away at dinner on weekdays", (string?)null, GoalRhythm.Monthly), (renegotiated.Name, renegotiated.Why, renegotiated.Rhythm));
        Assert.Equal(GoalStatus.Done, Assert.Single(view.History).Status);
    }

    [Fact]
    public async Task AWeeklyGoalAsksForACheckInAWeekAfterTheLastOneAndACheckInAnswersIt()
    {
        var couple = await Driver.PairNewAsync();
        var weekly = await Driver.SetGoalAsync(couple.Inviter, "A walk together every Sunday", rhythm: GoalRhythm.Weekly);
        var free = await Driver.SetGoalAsync(couple.Inviter, "Read the same book");
        Assert.False(Due(await Driver.GoalsViewAsync(couple.Partner), weekly));

        app.Clock.Advance(TimeSpan.FromDays(8));

        var view = await Driver.GoalsViewAsync(couple.Partner);
        Assert.True(Due(view, weekly));
        Assert.False(Due(view, free));

        await Driver.CheckInAsync(couple.Partner, weekly, "Walked to the lake.");
        Assert.False(Due(await Driver.GoalsViewAsync(couple.Inviter), weekly));
    }

    [Fact]
    public async Task OnlyTheAuthorDeletesTheirCheckInAndThenItIsGoneForBoth()
    {
        var couple = await Driver.PairNewAsync();
        var goal = await Driver.SetGoalAsync(couple.Inviter, "Cook together on Fridays");
        var note = await Driver.CheckInAsync(couple.Inviter, goal, "Risotto, nearly burnt.");

        var bySam = await Driver.GoalsAsync(couple.Partner, goals => goals.DeleteNoteAsync(note));
        Assert.False(bySam.Succeeded);
        Assert.Equal(GoalRuleException.MessageFor(GoalRule.NotYours), bySam.Error);

        await Driver.GoalOkAsync(couple.Inviter, goals => goals.DeleteNoteAsync(note));
        Assert.Empty(Assert.Single((await Driver.GoalsViewAsync(couple.Partner)).Active).Notes);
    }

    [Fact]
    public async Task TheOpenGoalsPageOfThePartnerHearsEveryChange()
    {
        var couple = await Driver.PairNewAsync();
        var heard = new List<CoupleChange>();
        await using var samsPage = Driver.AsUser(couple.Partner);
        using var subscription = await samsPage.Get<GoalsService>().SubscribeAsync(change =>
        {
            lock (heard)
            {
                heard.Add(change);
            }

            return Task.CompletedTask;
        });

        var goal = await Driver.SetGoalAsync(couple.Inviter, "Cook together on Fridays");
        await Driver.CheckInAsync(couple.Inviter, goal, "Pasta night.");
        await Driver.GoalOkAsync(couple.Inviter, goals => goals.LetGoAsync(goal));

        await WaitUntilAsync(() => { lock (heard) { return heard.Count(change => change == CoupleChange.GoalsChanged) >= 3; } });
    }

    [Fact]
    public async Task ACheckInWrittenInPrivateModeReachesThePartnerTheNextMorning()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var goal = await Driver.SetGoalAsync(alex, "Cook together on Fridays");
        Assert.True((await Driver.PrivacyAsync(sam, privacy => privacy.ChoosePrivateModeAsync(on: true))).Succeeded);
        var writtenAt = app.Clock.GetUtcNow();

        await Driver.CheckInAsync(sam, goal, "Made the shopping list.");

        Assert.Empty(Assert.Single((await Driver.GoalsViewAsync(alex)).Active).Notes);
        Assert.Single(Assert.Single((await Driver.GoalsViewAsync(sam)).Active).Notes);

        app.Clock.SetUtcNow(PrivateMode.PartnerSeesFrom(writtenAt, Domain.Common.TimeZoneId.Parse("Europe/Berlin")));
        Assert.Equal("Made the shopping list.", Assert.Single(Assert.Single((await Driver.GoalsViewAsync(alex)).Active).Notes).Text);
    }

    private static bool Due(GoalsView view, Guid goalId) => view.Active.Single(goal => goal.Id == goalId).CheckInDue;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var tries = 0; !condition(); tries++)
        {
            Assert.True(tries < 100, "The partner's open page never heard the change.");
            await Task.Delay(50);
        }
    }
}

internal static class PrivacyDriving
{
    public static async Task<Web.Infrastructure.ServiceResult> PrivacyAsync(this AppDriver app, TestPerson person, Func<PrivacyService, Task<Web.Infrastructure.ServiceResult>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<PrivacyService>());
    }
}
