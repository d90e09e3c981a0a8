using AngleSharp.Dom;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Components.Shared;
using CoupleConnect.Web.Features.CheckIns;
using MudBlazor;
using MudBlazor.Services;

namespace CoupleConnect.Web.Tests.CheckIns;

/// <summary>bUnit with MudBlazor set up as in the layout tests: loose JS interop, no transitions, no popover provider check.</summary>
public abstract class CheckInTestContext : BunitContext, IAsyncLifetime
{
    protected const string Question = "What was one moment today when you felt cared for by me?";

    protected CheckInTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are IAsyncDisposable only; xUnit's synchronous Dispose would throw.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected static CheckInDay Day(
        string? myAnswer = null,
        bool partnerHasAnswered = false,
        RevealedAnswers? revealed = null,
        bool isOpen = true,
        bool isToday = true,
        SwapStatus? swap = null) =>
        new(
            Day: new DateOnly(2026, 11, 25),
            IsToday: isToday,
            IsOpen: isOpen,
            QuestionText: Question,
            Category: QuestionCategory.FeelingCaredFor,
            QuestionId: 1,
            Swap: swap ?? (!isToday ? SwapStatus.NotToday : myAnswer is null && !partnerHasAnswered && revealed is null ? SwapStatus.Available : SwapStatus.AlreadyAnswered),
            PartnerName: "Alex",
            MyAnswer: myAnswer,
            PartnerHasAnswered: partnerHasAnswered || revealed is not null,
            IsRevealed: revealed is not null,
            Revealed: revealed);

    protected static RevealedAnswers Revealed(string partnerAnswer, bool iHearted = false) =>
        new(partnerAnswer, iHearted, false, null, null, null, null, null, null);

    protected IRenderedComponent<QuestionCard> RenderCard(CheckInDay day) =>
        Render<QuestionCard>(parameters => parameters.Add(card => card.Day, day));

}

public sealed class QuestionCardTests : CheckInTestContext
{
    private const string PartnersSecret = "The walk by the river, when you held my hand without saying anything.";

    [Theory]
    [InlineData(true, "Alex has answered. Your turn")]
    [InlineData(false, "Alex hasn't answered yet.")]
    public void NotAnsweredShowsTheQuestionThePartnerStatusAndTheEditor(bool partnerHasAnswered, string status)
    {
        var card = RenderCard(Day(partnerHasAnswered: partnerHasAnswered));

        Assert.Equal("NotAnswered", card.Find("#question-card").GetAttribute("data-state"));
        Assert.Equal(Question, card.Find("h2.cc-question-text").TextContent.Trim());
        Assert.StartsWith(status, card.Find("#partner-status").TextContent.Trim());
        Assert.Contains("Your answer", card.Find("label").TextContent);
        Assert.Single(card.FindAll("textarea"));
        Assert.Contains("0 / 2000", card.Markup);
        var share = Assert.Single(card.FindAll("button"), button => button.TextContent.Trim() == "Share my answer");
        Assert.True(share.HasAttribute("disabled"), "nothing to share until something is written");

        // Never a partner answer before the reveal, and nothing to reflect on or heart.
        Assert.Empty(card.FindAll("#partner-answer"));
        Assert.Empty(card.FindAll("#my-answer"));
        Assert.Empty(card.FindAll("#reflect-back"));
        Assert.DoesNotContain("heart", card.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AClosedUnansweredDayShowsTheClosedMessageAndNoEditor()
    {
        var card = RenderCard(Day(partnerHasAnswered: true, isOpen: false, isToday: false));

        Assert.Equal("NotAnswered", card.Find("#question-card").GetAttribute("data-state"));
        Assert.Contains("Question of", card.Markup);
        Assert.Contains("This question is closed: answers can be written up to 7 days after their day.", card.Markup);
        Assert.Empty(card.FindAll("textarea"));
        Assert.DoesNotContain(card.FindAll("button"), button => button.TextContent.Contains("Share my answer"));
        Assert.Empty(card.FindAll("#partner-answer"));
    }

    [Fact]
    public void WaitingForPartnerShowsMyAnswerAndTheWaitingTextWithNoEditorUntilEdit()
    {
        const string mine = "When you made tea without me asking.";
        var card = RenderCard(Day(myAnswer: mine));

        Assert.Equal("WaitingForPartner", card.Find("#question-card").GetAttribute("data-state"));
        Assert.Equal(Question, card.Find("h2.cc-question-text").TextContent.Trim());
        Assert.StartsWith("Waiting for Alex.", card.Find("#partner-status").TextContent.Trim());
        Assert.Equal(mine, card.Find("#my-answer .cc-answer__text").TextContent);
        Assert.Empty(card.FindAll("textarea"));
        Assert.Empty(card.FindAll("#partner-answer"));
        Assert.Empty(card.FindAll("#reflect-back"));

        card.FindAll("button").Single(button => button.TextContent.Trim() == "Edit my answer").Click();

        var editor = card.Find("textarea");
        Assert.Equal(mine, editor.GetAttribute("value") ?? editor.TextContent);
        Assert.Single(card.FindAll("button"), button => button.TextContent.Trim() == "Save my answer");
        Assert.Single(card.FindAll("button"), button => button.TextContent.Trim() == "Cancel");
        Assert.Empty(card.FindAll("#my-answer"));
    }

    [Fact]
    public void WaitingForPartnerOnAClosedDayOffersNoEdit()
    {
        var card = RenderCard(Day(myAnswer: "Tea.", isOpen: false, isToday: false));

        Assert.Equal("Tea.", card.Find("#my-answer .cc-answer__text").TextContent);
        Assert.DoesNotContain(card.FindAll("button"), button => button.TextContent.Contains("Edit my answer"));
    }

    [Fact]
    public void RevealedShowsBothAnswersTheHeartAndReflectBack()
    {
        const string mine = "When you made tea without me asking.";
        var card = RenderCard(Day(myAnswer: mine, revealed: Revealed(PartnersSecret)));

        Assert.Equal("Revealed", card.Find("#question-card").GetAttribute("data-state"));
        Assert.Empty(card.FindAll("#partner-status"));
        Assert.Equal(mine, card.Find("#my-answer .cc-answer__text").TextContent);
        Assert.Equal("Alex", card.Find("#partner-answer .cc-answer__who").TextContent.Trim());
        Assert.Equal(PartnersSecret, card.Find("#partner-answer .cc-answer__text").TextContent);

        var heart = card.Find("#heart-button");
        Assert.Equal("false", heart.GetAttribute("aria-pressed"));
        Assert.Contains("Send Alex a heart", heart.TextContent);

        var reflect = card.Find("#reflect-back");
        Assert.Equal("Reflect back", reflect.QuerySelector("h3")?.TextContent.Trim());
        Assert.Contains("What I hear you saying, Alex, is…", reflect.QuerySelector("label")?.TextContent);
        Assert.NotNull(reflect.QuerySelector("textarea"));
        Assert.Contains(reflect.QuerySelectorAll("button"), button => button.TextContent.Trim() == "Send my reflection");
    }

    [Fact]
    public void RevealedAnswersAreTextNeverMarkup()
    {
        const string script = "<script>alert('hi')</script><b>bold</b>";
        var card = RenderCard(Day(myAnswer: "<img src=x onerror=alert(1)>", revealed: Revealed(script)));

        Assert.Equal(script, card.Find("#partner-answer .cc-answer__text").TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", card.Find("#my-answer .cc-answer__text").TextContent);
        Assert.Empty(card.FindAll("script"));
        Assert.Empty(card.FindAll("#question-card b, #question-card img"));
        Assert.Contains("&lt;script&gt;", card.Markup);
    }

    [Fact]
    public void TheAuthorSeesThePartnersReflectionWithThatsItAndNotQuite()
    {
        var revealed = Revealed(PartnersSecret) with { PartnersReflectionOnMe = "You felt looked after by the tea." };
        var card = RenderCard(Day(myAnswer: "Tea.", revealed: revealed));

        Assert.Equal("You felt looked after by the tea.", card.Find("#partner-reflection .cc-answer__text").TextContent);
        Assert.Equal("That's it", card.Find("#thats-it").TextContent.Trim());
        Assert.Equal("Not quite", card.Find("#not-quite").TextContent.Trim());
        Assert.Contains(card.FindAll("label"), label => label.TextContent.Contains("Anything to add? (optional)"));
    }

    [Fact]
    public void TheParaphraserSeesTheVerdict()
    {
        var revealed = Revealed(PartnersSecret) with { MyReflectionOnPartner = "The walk mattered.", PartnersVerdictOnMyReflection = ReflectionVerdict.ThatsIt };
        var card = RenderCard(Day(myAnswer: "Tea.", revealed: revealed));

        Assert.Equal("The walk mattered.", card.Find("#my-reflection .cc-answer__text").TextContent);
        Assert.Equal("Alex: \"That's it.\" You understood each other.", card.Find("#my-reflection-verdict").TextContent.Trim());
        Assert.DoesNotContain(card.FindAll("button"), button => button.TextContent.Trim() == "Send my reflection");
    }
}

public sealed class AnswerEditorTests : CheckInTestContext
{
    [Fact]
    public void TwoThousandAndOneCharactersShowTheLengthErrorAndDisableSubmitButKeepTheText()
    {
        var submitted = false;
        var editor = Render<AnswerEditor>(parameters => parameters
            .Add(e => e.Label, "Your answer")
            .Add(e => e.SubmitLabel, "Share my answer")
            .Add(e => e.MaxLength, CheckInText.AnswerMaxLength)
            .Add(e => e.OnSubmit, (string _) => submitted = true));
        var text = new string('a', 2001);

        editor.Find("textarea").Input(text);

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("2,001 characters: please shorten to 2,000. Nothing is lost while you edit.", editor.Find(".mud-input-helper-text").TextContent);
            Assert.Contains("mud-input-error", editor.Find(".mud-input-control").ClassList);
            Assert.Contains("2001 / 2000", editor.Markup);
            Assert.True(editor.Find("button").HasAttribute("disabled"));
        });
        var area = editor.Find("textarea");
        Assert.Equal(text, area.GetAttribute("value") ?? area.TextContent);
        // No hard cap at the limit (MudBlazor's own default, 524,288, is the only maxlength): a long paste is never cut.
        Assert.True(int.Parse(area.GetAttribute("maxlength") ?? int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) > text.Length);
        Assert.False(submitted);

        // Back to 2,000: the error goes, the button comes back.
        editor.Find("textarea").Input(text[..2000]);
        editor.WaitForAssertion(() =>
        {
            Assert.Empty(editor.FindAll(".mud-input-error"));
            Assert.False(editor.Find("button").HasAttribute("disabled"));
        });
    }
}
