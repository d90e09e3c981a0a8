using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>A ritual in the list: name, schedule, next time, how it's going, and "did you do it?" only when there is a time to mark.</summary>
public sealed class RitualCardTests : RitualsTestContext
{
    [Fact]
    public void ShowsTheNameScheduleNextTimeAndProgress()
    {
        var card = RenderCard(Summary(next: Occurrence(new DateOnly(2026, 12, 4), "Friday 4 December, 19:30 (13:30 your time)")));

        Assert.Equal("Date night, no screens", card.Find("h2[data-ritual-name]").TextContent.Trim());
        Assert.Equal("Every Friday at 19:30, for 2 hours", card.Find("[data-schedule]").TextContent.Trim());
        Assert.Equal("Next: Friday 4 December, 19:30 (13:30 your time)", Squash(card.Find("[data-next]").TextContent));
        Assert.Equal("Done 9 of the last 12", card.Find("[data-progress-text]").TextContent.Trim());
        Assert.Equal("3 in a row", card.Find("[data-streak]").TextContent.Trim());
        Assert.Equal($"rituals/{DateNightId}", card.Find("a.cc-card-link").GetAttribute("href"));
    }

    [Fact]
    public void WithoutAStreakThereIsNoStreakChip()
    {
        var card = RenderCard(Summary(progress: new RitualProgress(2, 3, 0)));

        Assert.Equal("Done 2 of 3 so far", card.Find("[data-progress-text]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-streak]"));
    }

    [Fact]
    public void ARitualWithNothingCountedYetSaysWhenCountingStarts()
    {
        var card = RenderCard(Summary(progress: RitualProgress.None));

        Assert.Equal("It counts from your first time together.", card.Find("[data-progress-text]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-streak]"));
    }

    [Fact]
    public void ARitualWithNoMoreDatesSaysSo()
    {
        var card = RenderCard(Summary(next: null));

        Assert.Equal("No more dates planned.", card.Find("[data-next]").TextContent.Trim());
    }

    [Fact]
    public void ATimeNobodyMarkedAsksDidYouDoItWithDoneAndSkipped()
    {
        var card = RenderCard(Summary(awaiting: Occurrence()));

        Assert.Equal("Did you do it?", card.Find("[data-mark-heading]").TextContent.Trim());
        Assert.Equal("Friday 27 November, 19:30", card.Find("[data-mark-detail]").TextContent.Trim());
        var done = card.Find($"#mark-done-{DateNightId}");
        var skipped = card.Find($"#mark-skipped-{DateNightId}");
        Assert.Equal("Done", done.TextContent.Trim());
        Assert.Equal("Skipped", skipped.TextContent.Trim());
        Assert.Equal("Mark Date night, no screens on Friday 27 November done", done.GetAttribute("aria-label"));
        Assert.Equal("Mark Date night, no screens on Friday 27 November skipped", skipped.GetAttribute("aria-label"));
        Assert.Equal("2026-11-27", card.Find("[data-mark-day]").GetAttribute("data-mark-day"));
    }

    [Fact]
    public void NothingToMarkMeansNoQuestionAndNoButtons()
    {
        var card = RenderCard(Summary(awaiting: null));

        Assert.Empty(card.FindAll("[data-mark-heading]"));
        Assert.Empty(card.FindAll("button[data-mark]"));
    }

    [Fact]
    public void ARefusedMarkShowsTheServicesMessageAndReloadsNothing()
    {
        // Nobody is signed in here, so the real service refuses: the card says why and asks for no reload.
        var reloads = 0;
        var card = Render<RitualCard>(parameters => parameters
            .Add(c => c.Ritual, Summary(awaiting: Occurrence()))
            .Add(c => c.OnChanged, () => reloads++));

        card.Find($"#mark-done-{DateNightId}").Click();

        card.WaitForAssertion(() => Assert.Equal(RitualsService.NotPairedMessage, card.Find("[data-mark-error]").TextContent.Trim()));
        Assert.Equal("alert", card.Find("[data-mark-error]").GetAttribute("role"));
        Assert.Equal(0, reloads);
        Assert.NotNull(card.Find($"#mark-done-{DateNightId}"));
    }

    [Fact]
    public void TheNameIsTextNeverMarkup()
    {
        var card = RenderCard(Summary(name: "<script>alert(1)</script><b>us</b>", awaiting: Occurrence(name: "<script>alert(1)</script><b>us</b>")));

        Assert.Equal("<script>alert(1)</script><b>us</b>", card.Find("h2[data-ritual-name]").TextContent.Trim());
        Assert.Empty(card.FindAll("script, b"));
        Assert.Contains("&lt;script&gt;", card.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, "It counts from your first time together.")]
    [InlineData(1, 1, 1, "Done 1 of 1 so far")]
    [InlineData(0, 4, 0, "Done 0 of 4 so far")]
    [InlineData(9, 12, 3, "Done 9 of the last 12")]
    public void ProgressReadsAsPlainWords(int done, int counted, int streak, string expected) =>
        Assert.Equal(expected, RitualProgressLine.Describe(new RitualProgress(done, counted, streak)));

    private IRenderedComponent<RitualCard> RenderCard(RitualSummary summary) =>
        Render<RitualCard>(parameters => parameters.Add(c => c.Ritual, summary));

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
