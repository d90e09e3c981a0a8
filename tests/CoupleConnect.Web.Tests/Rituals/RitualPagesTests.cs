using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>The pages for someone not in a couple (nothing shown but a kind word), a ritual's header, and a bad date in a link.</summary>
public sealed class RitualPagesTests : RitualsTestContext
{
    [Fact]
    public void TheListTellsSomeoneWithoutAPartnerWhenRitualsStart()
    {
        var page = Render<RitualsPage>();

        page.WaitForAssertion(() => Assert.StartsWith(RitualsService.NotPairedMessage, page.Find("#rituals-unpaired").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("Our rituals", page.Find("h1").TextContent.Trim());
        Assert.Empty(page.FindAll("#rituals-list, #ritual-suggestions, #calendar-feed"));
    }

    [Fact]
    public void ARitualsPageShowsNothingToSomeoneWithoutAPartner()
    {
        var page = Render<RitualDetailPage>(parameters => parameters.Add(p => p.Id, DateNightId));

        page.WaitForAssertion(() => Assert.Equal(RitualsService.NotPairedMessage, page.Find("#rituals-unpaired").TextContent.Trim()));
        Assert.Empty(page.FindAll("#ritual-progress, #ritual-past, #ritual-reminder"));
    }

    [Theory]
    [InlineData("27-11-2026")]
    [InlineData("2026-02-30")]
    [InlineData("<script>")]
    public void ABadDateInTheReflectionLinkSaysWhatADateLooksLike(string day)
    {
        var page = Render<MonthlyReflectionPage>(parameters => parameters.Add(p => p.Id, DateNightId).Add(p => p.DayText, day));

        Assert.Equal("That isn't a date we understand. Dates look like 2026-12-06.", page.Find("#reflection-bad-day").TextContent.Trim());
        Assert.Empty(page.FindAll("#reflection-write, script"));
    }

    [Fact]
    public void TheHeaderShowsHowItIsGoing()
    {
        var header = Render<RitualHeader>(parameters => parameters.Add(h => h.Detail, Detail(isDeleted: false)));

        Assert.Equal("Date night, no screens", header.Find("h1").TextContent.Trim());
        Assert.Equal("Phones away.", header.Find("#ritual-description-text").TextContent.Trim());
        Assert.Equal("Every Friday at 19:30, for 2 hours", header.Find("#ritual-schedule").TextContent.Trim());
        Assert.Equal("75%", header.Find("#ritual-percent").TextContent.Trim());
        Assert.Equal("Done 9 of the last 12", header.Find("[data-progress-text]").TextContent.Trim());
        Assert.Equal($"rituals/{DateNightId}/edit", header.Find("#edit-ritual").GetAttribute("href"));
        Assert.Empty(header.FindAll("#ritual-deleted"));
    }

    [Fact]
    public void ADeletedRitualSaysSoAndOffersNoChanges()
    {
        var header = Render<RitualHeader>(parameters => parameters.Add(h => h.Detail, Detail(isDeleted: true)));

        Assert.StartsWith("This ritual was deleted.", header.Find("#ritual-deleted").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(header.FindAll("#edit-ritual, #ritual-next"));
    }

    private static RitualDetail Detail(bool isDeleted) => new(
        Summary(next: Occurrence(new DateOnly(2026, 12, 4), "Friday 4 December, 19:30")),
        new RitualInput(),
        isDeleted,
        [],
        [],
        new ReminderChoice(true, 120, false, false),
        PartnerName);
}
