using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Needs;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Story;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>
/// "Add this month to our story" on the monthly reflection (Sunday 7 March 2027, a session day): one tap makes a
/// moment of the person's own "what went well", placed on the session's day; once per person per session.
/// </summary>
public sealed class AddingTheMonthToOurStory(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private static readonly DateOnly Session = new(2027, 3, 7);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task OneTapMakesAMomentOfMyOwnWordsOnTheSessionsDayForBothToSee()
    {
        var couple = await app.NewCoupleAsync();
        var reflection = await NeedsReflection.CreateAsync(Driver, couple);
        await Driver.WriteReflectionAsync(couple.Inviter, reflection, Session, "We cooked together every Sunday.", "More walks");
        await Driver.WriteReflectionAsync(couple.Partner, reflection, Session, "Sam's own month.", "Sleep more");
        Assert.False(await Driver.StoryAsync(couple.Inviter, story => story.HasMonthAsync(Session)));

        var added = await Driver.StoryAsync(couple.Inviter, story => story.AddMonthAsync(Session, "We cooked together every Sunday."));

        Assert.True(added.Succeeded, added.Error);
        var moment = Assert.Single((await Driver.StoryViewAsync(couple.Partner)).Moments);
        Assert.Equal(
            (StoryService.MonthTitle(Session), Session, "March 2027", "We cooked together every Sunday.", "Alex"),
            (moment.Title, moment.Day, moment.RoughTime, moment.Text, moment.AuthorName));
        Assert.True(await Driver.StoryAsync(couple.Inviter, story => story.HasMonthAsync(Session)));
        Assert.False(await Driver.StoryAsync(couple.Partner, story => story.HasMonthAsync(Session)));
    }

    [Fact]
    public async Task TheSameMonthIsAddedOnceAndOnlyWithWordsWritten()
    {
        var couple = await app.NewCoupleAsync();

        var empty = await Driver.StoryAsync(couple.Inviter, story => story.AddMonthAsync(Session, "  "));
        var first = await Driver.StoryAsync(couple.Inviter, story => story.AddMonthAsync(Session, "A good month."));
        var again = await Driver.StoryAsync(couple.Inviter, story => story.AddMonthAsync(Session, "A good month, again."));

        Assert.Equal(StoryService.NoMonthWordsMessage, empty.Error);
        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(StoryService.MonthAlreadyAddedMessage, again.Error);
        Assert.Single((await Driver.StoryViewAsync(couple.Inviter)).Moments);
    }

    [Fact]
    public async Task TwoTapsAtOnceAddTheMonthOnce()
    {
        var couple = await app.NewCoupleAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Driver.StoryAsync(couple.Inviter, story => story.AddMonthAsync(Session, "A good month."))));

        Assert.Single(results, result => result.Succeeded);
        Assert.Single((await Driver.StoryViewAsync(couple.Inviter)).Moments);
    }
}
