using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>
/// Day one (issue 15 item 7): until the couple's first day together, the home invites the first step instead of showing
/// "0 days", and the weekly chart waits for the first entry instead of showing empty.
/// </summary>
public sealed class FirstDaysCardTests : DashboardTestContext
{
    [Fact]
    public void InvitesTheFirstSmallThingOnDayOne()
    {
        var card = RenderCard(new StreakStatus(0, false, false, null));

        Assert.StartsWith("Each day you both answer, thank or notice something counts", card.Find("#first-days-line").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(card.FindAll("a, button")); // "Notice something" is already above it, twice
        Assert.DoesNotContain("0 days", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysItIsYourTurnWhenThePartnerDidSomethingFirst()
    {
        var card = RenderCard(new StreakStatus(0, false, true, null));

        Assert.Equal("Alex did something today. Answer, thank or notice something too, and today is your first day together.", card.Find("#first-days-line").TextContent.Trim());
    }

    [Fact]
    public void SaysThePartnersStepCompletesTheFirstDayWhenYouWentFirst()
    {
        var card = RenderCard(new StreakStatus(0, true, false, null));

        Assert.Equal("You did something today. When Alex does too, today is your first day together.", card.Find("#first-days-line").TextContent.Trim());
    }

    [Fact]
    public void StandsInForTheStreakUntilTheirFirstDayTogetherAndTheChartUntilTheFirstEntry()
    {
        var dayOne = View(partners: QuestionStatus.Answered, streak: new StreakStatus(0, false, true, null));
        var firstDay = View(streak: new StreakStatus(1, true, true, null), weeks: Weeks((1, 0)));
        var quietAfterARun = View(streak: new StreakStatus(0, false, false, Today.AddDays(-1)), weeks: Weeks((0, 0), (2, 3)));

        Assert.Equal((true, true), (dayOne.NoDayTogetherYet, dayOne.ChartEmpty));
        Assert.Equal((false, false), (firstDay.NoDayTogetherYet, firstDay.ChartEmpty));
        Assert.Equal((false, false), (quietAfterARun.NoDayTogetherYet, quietAfterARun.ChartEmpty));
    }

    private IRenderedComponent<FirstDaysCard> RenderCard(StreakStatus streak) =>
        Render<FirstDaysCard>(parameters => parameters
            .Add(card => card.PartnerName, PartnerName)
            .Add(card => card.Streak, streak));
}
