using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>
/// A past time on a ritual's page: what became of it and who said so, both partners' notes as text whatever they
/// contain, and the signed-in partner's own note, kept when a save is refused.
/// </summary>
public sealed class PastOccurrenceItemTests : RitualsTestContext
{
    [Theory]
    [InlineData(RitualOutcomeStatus.Done, true, "Done ✓ · marked by you")]
    [InlineData(RitualOutcomeStatus.Done, false, "Done ✓ · marked by Sam")]
    [InlineData(RitualOutcomeStatus.Skipped, false, "Skipped · marked by Sam")]
    [InlineData(null, false, "Not marked yet")]
    public void SaysWhatBecameOfItAndWhoSaidSo(RitualOutcomeStatus? status, bool byMe, string expected)
    {
        var item = RenderItem(Past(Occurrence(status: status, markedByMe: byMe), status is null ? null : byMe ? "Alex" : PartnerName));

        Assert.Equal(expected, item.Find("[data-status-text]").TextContent.Trim());
        Assert.Equal(status?.ToString() ?? "NotMarked", item.Find("li").GetAttribute("data-status"));
        Assert.Equal("Friday 27 November, 19:30", item.Find("h3[data-when]").TextContent.Trim());
    }

    [Fact]
    public void TheCurrentStatusIsThePressedButton()
    {
        var item = RenderItem(Past(Occurrence(status: RitualOutcomeStatus.Skipped), PartnerName));

        Assert.Equal("false", item.Find("#mark-done-2026-11-27").GetAttribute("aria-pressed"));
        Assert.Equal("true", item.Find("#mark-skipped-2026-11-27").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void NotesAreTextNeverMarkup()
    {
        const string script = "<script>alert(1)</script><img src=x onerror=alert(1)> & <b>bold</b>";

        var item = RenderItem(Past(Occurrence(status: RitualOutcomeStatus.Done), PartnerName, Note(script, mine: false), Note("<i>mine</i>", mine: true)));

        var notes = item.FindAll("[data-note]");
        Assert.Equal(2, notes.Count);
        Assert.Equal("Sam's note", notes[0].QuerySelector(".cc-answer__who")!.TextContent.Trim());
        Assert.Equal(script, notes[0].QuerySelector(".cc-answer__text")!.TextContent.Trim());
        Assert.Equal("Your note", notes[1].QuerySelector(".cc-answer__who")!.TextContent.Trim());
        Assert.Equal("<i>mine</i>", notes[1].QuerySelector(".cc-answer__text")!.TextContent.Trim());
        Assert.Empty(item.FindAll("script, img, b, i:not(.mud-icon-root)"));
        Assert.Contains("&lt;script&gt;", item.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AddANoteOpensAnEditorWithACounter()
    {
        var item = RenderItem(Past(Occurrence(), null, Note("Lovely evening.", mine: false)));

        var write = item.Find("button[data-write-note]");
        Assert.Equal("Add a note", write.TextContent.Trim());
        write.Click();

        Assert.Contains("Your note", item.Find("[data-note-editor] label").TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, item.Find("[data-note-editor] textarea").GetAttribute("value") ?? string.Empty);
        Assert.Contains("0 / 1000", item.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EditYourNoteStartsFromWhatYouWrote()
    {
        var item = RenderItem(Past(Occurrence(), null, Note("We laughed a lot.", mine: true)));

        var write = item.Find("button[data-write-note]");
        Assert.Equal("Edit your note", write.TextContent.Trim());
        write.Click();

        Assert.Equal("We laughed a lot.", item.Find("[data-note-editor] textarea").GetAttribute("value"));
    }

    [Fact]
    public void ARefusedNoteShowsWhyAndKeepsTheText()
    {
        var reloads = 0;
        var item = Render<PastOccurrenceItem>(parameters => parameters
            .Add(p => p.Past, Past(Occurrence()))
            .Add(p => p.OnChanged, () => reloads++));
        item.Find("button[data-write-note]").Click();

        item.Find("[data-note-editor] textarea").Input("Pizza on the floor, phones in the drawer.");
        PassTheDebounce(item, () => Assert.False(item.Find("[data-note-editor] button").HasAttribute("disabled")));
        item.Find("[data-note-editor] button").Click();

        // Nobody is signed in here, so the real service refuses: the message shows, and the words stay in the box.
        item.WaitForAssertion(() => Assert.Equal(RitualsService.NotPairedMessage, item.Find("[data-note-error]").TextContent.Trim()));
        Assert.Equal("Pizza on the floor, phones in the drawer.", item.Find("[data-note-editor] textarea").GetAttribute("value"));
        Assert.Equal(0, reloads);
    }

    [Fact]
    public void ADeletedRitualsHistoryIsReadOnly()
    {
        var item = Render<PastOccurrenceItem>(parameters => parameters
            .Add(p => p.Past, Past(Occurrence(status: RitualOutcomeStatus.Done), PartnerName, Note("Kept.", mine: true)))
            .Add(p => p.ReadOnly, true));

        Assert.Equal("Done ✓ · marked by Sam", item.Find("[data-status-text]").TextContent.Trim());
        Assert.Equal("Kept.", item.Find("[data-note] .cc-answer__text").TextContent.Trim());
        // Nothing can be marked or written any more; one's own words can still be deleted (they stay the writer's).
        Assert.Equal("Delete my note", Assert.Single(item.FindAll("button")).TextContent.Trim());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnlyTheMonthlyReflectionLinksToItsGuidedPage(bool isReflection)
    {
        var item = Render<PastOccurrenceItem>(parameters => parameters
            .Add(p => p.Past, Past(Occurrence(new DateOnly(2026, 11, 1), "Sunday 1 November, 19:00")))
            .Add(p => p.IsReflection, isReflection));

        var links = item.FindAll("a[data-reflection-link]");
        if (isReflection)
        {
            Assert.Equal($"rituals/{DateNightId}/reflection/2026-11-01", Assert.Single(links).GetAttribute("href"));
        }
        else
        {
            Assert.Empty(links);
        }
    }

    private IRenderedComponent<PastOccurrenceItem> RenderItem(PastOccurrenceView past) =>
        Render<PastOccurrenceItem>(parameters => parameters.Add(p => p.Past, past));
}
