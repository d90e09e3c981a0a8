using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>This week against last for each of you, and the twelve-week chart with a summary a screen reader can read.</summary>
public sealed class WeekCardTests : DashboardTestContext
{
    [Fact]
    public void EachCellShowsThisWeeksCountAndLastWeeks()
    {
        // Latest first: this week (you 3, Alex 5), last week (you 1, Alex 0), then two more weeks.
        var card = RenderCard(View(weeks: Weeks((3, 5), (1, 0), (2, 2), (0, 4))));

        Assert.Equal(("3", "you noticed", "last week 1"), Cell(card, "#week-mine"));
        Assert.Equal(("5", "Alex noticed", "last week 0"), Cell(card, "#week-partners"));
    }

    [Fact]
    public void TheChartIsAnImageDescribedByATwelveWeekSummary()
    {
        var card = RenderCard(View(weeks: Weeks((3, 5), (1, 0), (2, 2), (0, 4))));

        var chart = card.Find("[role=img]");
        Assert.Equal("chart-heading", chart.GetAttribute("aria-labelledby"));
        Assert.Equal("chart-summary", chart.GetAttribute("aria-describedby"));
        Assert.Equal("Positives per week, last 12 weeks", card.Find("#chart-heading").TextContent.Trim());
        Assert.Equal("Over the last 12 weeks you noticed 6 positives and Alex noticed 11.", card.Find("#chart-summary").TextContent.Trim());
        Assert.Contains("cc-visually-hidden", card.Find("#chart-summary").ClassList);
    }

    [Fact]
    public void AQuietFortnightReadsAsZeros()
    {
        var card = RenderCard(View(weeks: Weeks()));

        Assert.Equal(("0", "you noticed", "last week 0"), Cell(card, "#week-mine"));
        Assert.Equal(("0", "Alex noticed", "last week 0"), Cell(card, "#week-partners"));
        Assert.Equal("Over the last 12 weeks you noticed 0 positives and Alex noticed 0.", card.Find("#chart-summary").TextContent.Trim());
    }

    [Fact]
    public void NewCountsReplaceTheOldOnesWhenTheDashboardReloads()
    {
        var card = RenderCard(View(weeks: Weeks((1, 1))));

        card.Render(parameters => parameters.Add(c => c.View, View(weeks: Weeks((2, 4)))));

        Assert.Equal("2", Cell(card, "#week-mine").Count);
        Assert.Equal("4", Cell(card, "#week-partners").Count);
        Assert.Equal("Over the last 12 weeks you noticed 2 positives and Alex noticed 4.", card.Find("#chart-summary").TextContent.Trim());
    }

    private static (string Count, string Label, string Before) Cell(IRenderedComponent<WeekCard> card, string selector)
    {
        var cell = card.Find(selector);
        return (
            cell.QuerySelector(".cc-week__count")!.TextContent.Trim(),
            cell.QuerySelector(".cc-week__label")!.TextContent.Trim(),
            cell.QuerySelector(".cc-week__before")!.TextContent.Trim());
    }

    private IRenderedComponent<WeekCard> RenderCard(DashboardView view) =>
        Render<WeekCard>(parameters => parameters.Add(card => card.View, view));
}
