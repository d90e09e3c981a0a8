using AngleSharp.Dom;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Positives;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>
/// The latest entries both ways: who noticed what, notes shown as text whatever they contain, the acknowledgement
/// each side sees, and "That meant a lot" only on the partner's entries not yet acknowledged.
/// </summary>
public sealed class PositiveFeedTests : DashboardTestContext
{
    private static readonly DateTimeOffset Acknowledged = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NothingYetSaysWhereEntriesWillAppear()
    {
        var feed = RenderFeed([]);

        Assert.StartsWith("Nothing yet. The first small thing you notice about Alex shows up here", feed.Find("#positive-feed-empty").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(feed.FindAll("li"));
    }

    [Fact]
    public void EachEntrySaysWhichWayItGoesItsKindAndItsDay()
    {
        var feed = RenderFeed([Entry(byMe: true, kind: PositiveKind.QualityTime), Entry(byMe: false, "You listened.", gratitude: true)]);

        var items = feed.FindAll("li.cc-feed__item");
        Assert.Equal(2, items.Count);
        Assert.Equal("You noticed about Alex · 25 November 2026", Caption(items[0]));
        Assert.Equal("Quality time", items[0].QuerySelector("h6, .mud-typography-subtitle2")!.TextContent.Trim());
        Assert.True(items[0].HasAttribute("data-by-me") && !items[1].HasAttribute("data-by-me"), "data-by-me marks my entries only (a boolean attribute).");
        Assert.Equal("Alex noticed about you · 25 November 2026", Caption(items[1]));
        Assert.Equal("Gratitude", items[1].QuerySelector("h6, .mud-typography-subtitle2")!.TextContent.Trim());
        Assert.Equal("You listened.", items[1].QuerySelector(".cc-feed__note")!.TextContent.Trim());
        Assert.Null(items[0].QuerySelector(".cc-feed__note")); // no note, no empty line
    }

    [Fact]
    public void NotesAreTextNeverMarkup()
    {
        const string script = "<script>alert('hi')</script><b>bold</b> & <img src=x onerror=alert(1)>";

        var feed = RenderFeed([Entry(byMe: false, script), Entry(byMe: true, "<i>mine</i>")]);

        Assert.Equal([script, "<i>mine</i>"], feed.FindAll(".cc-feed__note").Select(note => note.TextContent.Trim()));
        Assert.Empty(feed.FindAll("#positive-feed script, #positive-feed b, #positive-feed img, #positive-feed i:not(.mud-icon-root)"));
        Assert.Contains("&lt;script&gt;", feed.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyMyOwnWrittenEntriesOfferDeleteAndItAsksOnceBeforeAnythingGoes()
    {
        var mine = Entry(byMe: true, "Mine.");
        var theirs = Entry(byMe: false, "Theirs.");
        var myHeart = Entry(byMe: true) with { HeartOnQuestionOf = Today };

        var feed = RenderFeed([mine, theirs, myHeart]);

        var ask = Assert.Single(feed.FindAll("button[data-remove-ask]"));
        Assert.Equal($"positive-{mine.Id}", ask.GetAttribute("data-remove-ask"));
        Assert.Equal("false", ask.GetAttribute("aria-expanded"));
        ask.Click();
        var question = feed.Find($"[data-remove-confirm='positive-{mine.Id}']");
        Assert.Equal("group", question.GetAttribute("role"));
        Assert.StartsWith("Delete this entry? It goes for you and Alex", question.TextContent.Trim(), StringComparison.Ordinal);
        feed.Find($"[data-remove-no='positive-{mine.Id}']").Click();
        Assert.Empty(feed.FindAll("[data-remove-confirm]"));
        Assert.Equal(3, feed.FindAll("li.cc-feed__item").Count); // "Keep it" changed nothing
    }

    [Fact]
    public void OnlyThePartnersUnacknowledgedEntriesOfferThatMeantALot()
    {
        var mine = Entry(byMe: true, "Mine, waiting.");
        var mineAcknowledged = Entry(byMe: true, "Mine, seen.", acknowledgedAt: Acknowledged);
        var theirs = Entry(byMe: false, "Theirs, waiting.");
        var theirsAcknowledged = Entry(byMe: false, "Theirs, seen.", gratitude: true, acknowledgedAt: Acknowledged);

        var feed = RenderFeed([mine, mineAcknowledged, theirs, theirsAcknowledged]);

        var button = Assert.Single(feed.FindAll("button[data-acknowledge]"));
        Assert.Equal(theirs.Id.ToString(), button.GetAttribute("data-acknowledge"));
        Assert.Equal("That meant a lot", button.TextContent.Trim());
        var items = feed.FindAll("li.cc-feed__item");
        Assert.Null(items[0].QuerySelector("[data-acknowledged], button[data-acknowledge]"));
        Assert.Equal("Alex said it meant a lot", items[1].QuerySelector("[data-acknowledged]")!.TextContent.Trim());
        Assert.Null(items[1].QuerySelector("button[data-acknowledge]"));
        Assert.NotNull(items[2].QuerySelector("button[data-acknowledge]"));
        Assert.Equal("You said it meant a lot", items[3].QuerySelector("[data-acknowledged]")!.TextContent.Trim());
        Assert.Equal(2, feed.FindAll("[data-acknowledged='true']").Count); // what the E2E page objects look for
        Assert.Null(items[3].QuerySelector("button"));
    }

    [Fact]
    public void ARefusedAcknowledgementShowsTheServicesMessageAndChangesNothing()
    {
        // Nobody is signed in here, so the real service refuses: the feed shows why and does not ask for a reload.
        var reloads = 0;
        var theirs = Entry(byMe: false, "Theirs.");
        var feed = Render<PositiveFeed>(parameters => parameters
            .Add(f => f.Entries, [theirs])
            .Add(f => f.PartnerName, PartnerName)
            .Add(f => f.OnChanged, () => reloads++));

        feed.Find($"button[data-acknowledge='{theirs.Id}']").Click();

        var snackbars = Services.GetRequiredService<ISnackbar>();
        feed.WaitForAssertion(() => Assert.Equal(PositivesService.NotPairedMessage, Assert.Single(snackbars.ShownSnackbars).Message));
        Assert.Equal(0, reloads);
        Assert.NotNull(feed.Find($"button[data-acknowledge='{theirs.Id}']"));
    }

    private static string Caption(IElement item) =>
        string.Join(' ', item.QuerySelector(".mud-typography-caption")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private IRenderedComponent<PositiveFeed> RenderFeed(IReadOnlyList<PositiveView> entries) =>
        Render<PositiveFeed>(parameters => parameters.Add(feed => feed.Entries, entries).Add(feed => feed.PartnerName, PartnerName));
}
