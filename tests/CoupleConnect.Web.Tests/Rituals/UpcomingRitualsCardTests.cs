using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>The dashboard's rituals card: the next seven days, how each ritual is going, and "did you do it?" for times nobody marked.</summary>
public sealed class UpcomingRitualsCardTests : RitualsTestContext
{
    private static readonly Guid GratitudeId = Guid.Parse("0193a5b0-0000-7000-8000-000000000002");

    [Fact]
    public void NoRitualsYetInvitesToStartOne()
    {
        var card = RenderCard(new UpcomingRituals([], []));

        Assert.StartsWith("No rituals yet.", card.Find("#rituals-card-empty").TextContent.Trim(), StringComparison.Ordinal);
        var start = card.Find("#start-a-ritual");
        Assert.Equal("rituals", start.GetAttribute("href"));
        Assert.Equal("Start one", start.TextContent.Trim());
        Assert.Empty(card.FindAll("#upcoming-rituals, #all-rituals, button[data-mark]"));
    }

    [Fact]
    public void ShowsTheNextSevenDaysAndHowEachRitualIsGoing()
    {
        var gratitude = Summary("Gratitude before sleep", "Every day at 21:30, for 10 minutes", progress: new RitualProgress(5, 12, 0), id: GratitudeId);
        var card = RenderCard(new UpcomingRituals(
            [Summary(), gratitude],
            [
                Occurrence(new DateOnly(2026, 11, 28), "Saturday 28 November, 21:30", name: "Gratitude before sleep", ritualId: GratitudeId),
                Occurrence(new DateOnly(2026, 12, 4), "Friday 4 December, 19:30 (13:30 your time)"),
            ]));

        Assert.Equal("rituals-card", card.Find("#rituals-card").Id);
        var upcoming = card.FindAll("#upcoming-rituals li");
        Assert.Equal(2, upcoming.Count);
        Assert.Equal("Gratitude before sleep Saturday 28 November, 21:30", Squash(upcoming[0].TextContent));
        Assert.Equal("Date night, no screens Friday 4 December, 19:30 (13:30 your time)", Squash(upcoming[1].TextContent));

        var progress = card.FindAll("#rituals-progress li");
        Assert.Equal(["Date night, no screens", "Gratitude before sleep"], progress.Select(item => item.QuerySelector("a")!.TextContent.Trim()));
        Assert.Equal(["Done 9 of the last 12", "Done 5 of the last 12"], progress.Select(item => item.QuerySelector("[data-progress-text]")!.TextContent.Trim()));
        Assert.Equal(["3 in a row"], progress.SelectMany(item => item.QuerySelectorAll("[data-streak]")).Select(chip => chip.TextContent.Trim()));
        Assert.Equal($"rituals/{GratitudeId}", progress[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("rituals", card.Find("#all-rituals").GetAttribute("href"));
        Assert.Empty(card.FindAll("button[data-mark]"));
    }

    [Fact]
    public void AQuietWeekSaysNothingIsPlanned()
    {
        var card = RenderCard(new UpcomingRituals([Summary()], []));

        Assert.Equal("Nothing planned this week.", card.Find("#upcoming-rituals-none").TextContent.Trim());
    }

    [Fact]
    public void ATimeNobodyMarkedAsksAboutThatRitual()
    {
        var card = RenderCard(new UpcomingRituals([Summary(awaiting: Occurrence()), Summary("Gratitude before sleep", id: GratitudeId)], []));

        Assert.Equal("Did you do it?", card.Find("#rituals-awaiting h3").TextContent.Trim());
        Assert.Equal("Date night, no screens", Assert.Single(card.FindAll("[data-mark-heading]")).TextContent.Trim());
        Assert.Equal("Friday 27 November, 19:30", card.Find("[data-mark-detail]").TextContent.Trim());
        Assert.NotNull(card.Find($"#mark-done-{DateNightId}"));
        Assert.NotNull(card.Find($"#mark-skipped-{DateNightId}"));
        Assert.Empty(card.FindAll($"#mark-done-{GratitudeId}"));
    }

    [Fact]
    public void OlderTimesAreLeftForTheRitualsPage()
    {
        // "Now" is Saturday 28 November: a time three weeks back isn't asked about on the home page.
        var old = Occurrence(new DateOnly(2026, 11, 1), "Sunday 1 November, 19:00", name: "Our month", ritualId: GratitudeId);
        var card = RenderCard(new UpcomingRituals([Summary(awaiting: Occurrence()), Summary("Our month", awaiting: old, id: GratitudeId)], []));

        Assert.Equal(["Date night, no screens"], card.FindAll("[data-mark-heading]").Select(heading => heading.TextContent.Trim()));
        Assert.Empty(card.FindAll($"#mark-done-{GratitudeId}"));
    }

    [Fact]
    public void NothingToAskMeansNoQuestion()
    {
        var card = RenderCard(new UpcomingRituals([Summary()], []));

        Assert.Empty(card.FindAll("#rituals-awaiting, button[data-mark]"));
    }

    private IRenderedComponent<UpcomingRitualsCard> RenderCard(UpcomingRituals rituals) =>
        Render<UpcomingRitualsCard>(parameters => parameters.Add(c => c.Rituals, rituals));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
