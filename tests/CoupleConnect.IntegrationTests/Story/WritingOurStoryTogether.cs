using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Story;
using CoupleConnect.Web.Infrastructure;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>
/// Issue 18 item 1 through the real app: either partner adds moments, the page reads oldest first and says who wrote
/// each, the other adds "how I remember it", and each person's words are changed or removed only by them. The other's
/// open page hears every change.
/// </summary>
public sealed class WritingOurStoryTogether(AppFixture app) : IClassFixture<AppFixture>
{
    private AppDriver Driver => app.Driver;

    [Fact]
    public async Task BothSeeEveryMomentOldestFirstWithWhoWroteIt()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await Driver.WriteMomentAsync(alex, "We bought the blue sofa", new DateOnly(2024, 3, 2));
        await Driver.WriteMomentAsync(alex, "The night bus home", new DateOnly(2019, 7, 1), "We talked until the last stop.", roughTime: "summer 2019");
        await Driver.WriteMomentAsync(sam, "How we found each other", new DateOnly(2018, 11, 20), hardTime: false);

        var samSees = await Driver.StoryViewAsync(sam);
        var alexSees = await Driver.StoryViewAsync(alex);

        Assert.Equal(["How we found each other", "The night bus home", "We bought the blue sofa"], samSees.Moments.Select(moment => moment.Title));
        Assert.Equal(samSees.Moments.Select(moment => moment.Id), alexSees.Moments.Select(moment => moment.Id));
        var bus = samSees.Moments[1];
        Assert.Equal(("Alex", false, "summer 2019", "We talked until the last stop."), (bus.AuthorName, bus.Mine, bus.RoughTime, bus.Text));
        Assert.True(alexSees.Moments[1].Mine);
        Assert.Equal("Sam", alexSees.Moments[0].AuthorName);
    }

    [Fact]
    public async Task TheOtherAddsHowTheyRememberItAndOnlyTheyChangeOrRemoveIt()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var bus = await Driver.WriteMomentAsync(alex, "The night bus home", new DateOnly(2019, 7, 1));

        await Driver.StoryOkAsync(sam, story => story.WriteSideAsync(bus, "I remember the rain on the window."));

        var side = Assert.Single((await Driver.StoryViewAsync(alex)).Moments).OtherSide;
        Assert.Equal(new SideView("Sam", false, "I remember the rain on the window."), side);
        Assert.False(Assert.Single((await Driver.StoryViewAsync(sam)).Moments).ICanAddMySide);
        var ownMoment = await Driver.StoryAsync(alex, story => story.WriteSideAsync(bus, "Alex's second voice"));
        Assert.Equal(Domain.Story.StoryRuleException.MessageFor(Domain.Story.StoryRule.OwnMoment), ownMoment.Error);
        Assert.False((await Driver.StoryAsync(alex, story => story.RemoveSideAsync(bus))).Succeeded);

        await Driver.StoryOkAsync(sam, story => story.WriteSideAsync(bus, "I remember the rain, and your cold hands."));
        Assert.Equal("I remember the rain, and your cold hands.", Assert.Single((await Driver.StoryViewAsync(alex)).Moments).OtherSide?.Text);

        await Driver.StoryOkAsync(sam, story => story.RemoveSideAsync(bus));
        Assert.Null(Assert.Single((await Driver.StoryViewAsync(alex)).Moments).OtherSide);
    }

    [Fact]
    public async Task OnlyTheWriterChangesOrRemovesAMoment()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var bus = await Driver.WriteMomentAsync(alex, "The night bus home", new DateOnly(2019, 7, 1));

        var changed = await Driver.StoryAsync(sam, story => story.ChangeAsync(bus, new MomentForm { Title = "Sam's rewrite", Day = new DateOnly(2019, 7, 1) }));
        var removed = await Driver.StoryAsync(sam, story => story.TakeBackAsync(bus));

        Assert.Equal([false, false], new[] { changed.Succeeded, removed.Succeeded });
        Assert.Equal("The night bus home", Assert.Single((await Driver.StoryViewAsync(alex)).Moments).Title);

        await Driver.StoryOkAsync(alex, story => story.ChangeAsync(bus, new MomentForm { Title = "The last night bus", Day = new DateOnly(2019, 7, 2), HardTime = true }));
        var rewritten = Assert.Single((await Driver.StoryViewAsync(sam)).Moments);
        Assert.Equal(("The last night bus", new DateOnly(2019, 7, 2), true), (rewritten.Title, rewritten.Day, rewritten.HardTime));

        await Driver.StoryOkAsync(alex, story => story.TakeBackAsync(bus));
        Assert.Empty((await Driver.StoryViewAsync(sam)).Moments);
    }

    [Fact]
    public async Task TakingBackAMomentTheOtherAnsweredLeavesTheirSideUnderAnEmptyPlaceUntilTheyRemoveIt()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var bus = await Driver.WriteMomentAsync(alex, "The night bus home", new DateOnly(2019, 7, 1), "Alex's own lines");
        await Driver.StoryOkAsync(sam, story => story.WriteSideAsync(bus, "I remember the rain on the window."));

        await Driver.StoryOkAsync(alex, story => story.TakeBackAsync(bus));

        var left = Assert.Single((await Driver.StoryViewAsync(sam)).Moments);
        Assert.Equal((true, string.Empty, (string?)null), (left.Removed, left.Title, left.Text));
        Assert.Equal("I remember the rain on the window.", left.OtherSide?.Text);
        Assert.False((await Driver.StoryAsync(sam, story => story.WriteSideAsync(bus, "More words"))).Succeeded);

        await Driver.StoryOkAsync(sam, story => story.RemoveSideAsync(bus));
        Assert.Empty((await Driver.StoryViewAsync(alex)).Moments);
    }

    [Fact]
    public async Task TheOthersOpenStoryHearsANewMomentAndANewSide()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var heard = new List<CoupleChange>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var samsPage = Driver.AsUser(sam);
        using var subscription = await samsPage.Get<StoryService>().SubscribeAsync(change =>
        {
            lock (heard)
            {
                heard.Add(change);
            }

            first.TrySetResult();
            return Task.CompletedTask;
        });
        Assert.NotNull(subscription);

        var bus = await Driver.WriteMomentAsync(alex, "The night bus home", new DateOnly(2019, 7, 1));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (heard)
        {
            Assert.Contains(CoupleChange.StoryChanged, heard);
        }

        Assert.Equal(bus, Assert.Single((await samsPage.Get<StoryService>().GetAsync())!.Moments).Id);
    }

    [Fact]
    public async Task BeforePairingThereIsNoStoryAndNothingCanBeWritten()
    {
        var loner = await Driver.NewPersonAsync("Robin");

        Assert.Null(await Driver.StoryAsync(loner, story => story.GetAsync()));
        var written = await Driver.StoryAsync(loner, story => story.WriteAsync(new MomentForm { Title = "Alone", Day = new DateOnly(2020, 1, 1) }));
        Assert.Equal(ServiceErrorCode.NotPaired, written.ErrorCode);
    }
}
