using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>Today at a glance: the question line for each combination of where the two of you stand, and tonight's gratitude.</summary>
public sealed class TodayCardTests : DashboardTestContext
{
    public static TheoryData<QuestionStatus, QuestionStatus, string> QuestionLines => new()
    {
        { QuestionStatus.NotAnswered, QuestionStatus.NotAnswered, "Neither of you has answered yet." },
        { QuestionStatus.Answered, QuestionStatus.NotAnswered, "You answered. Waiting for Alex." },
        { QuestionStatus.NotAnswered, QuestionStatus.Answered, "Alex answered. Your turn." },
        { QuestionStatus.Revealed, QuestionStatus.Revealed, "You both answered: your answers are revealed." },
    };

    [Theory]
    [MemberData(nameof(QuestionLines))]
    public void TheQuestionLineSaysWhereEachOfYouStands(QuestionStatus mine, QuestionStatus partners, string expected)
    {
        var card = RenderCard(View(mine, partners));

        Assert.Equal(expected, card.Find("#today-question-status").TextContent.Trim());
    }

    [Theory]
    [InlineData(QuestionStatus.NotAnswered, QuestionStatus.NotAnswered, true)]
    [InlineData(QuestionStatus.NotAnswered, QuestionStatus.Answered, true)]
    [InlineData(QuestionStatus.Answered, QuestionStatus.NotAnswered, false)]
    [InlineData(QuestionStatus.Revealed, QuestionStatus.Revealed, false)]
    public void OneTapAnswersTodaysQuestionUntilYouHave(QuestionStatus mine, QuestionStatus partners, bool offered)
    {
        var card = RenderCard(View(mine, partners));

        var buttons = card.FindAll("#today-answer");
        Assert.Equal(offered, buttons.Count == 1);
        if (offered)
        {
            Assert.Equal("checkin/2026-11-25", buttons[0].GetAttribute("href"));
            Assert.Equal("Answer today's question", buttons[0].TextContent.Trim());
        }
    }

    [Theory]
    [InlineData(false, false, "Not yet tonight.")]
    [InlineData(true, false, "You shared one tonight.")]
    [InlineData(false, true, "Alex shared one tonight.")]
    [InlineData(true, true, "You both shared one tonight.")]
    public void TheGratitudeLineSaysWhoSharedOneTonight(bool iThanked, bool partnerThanked, string expected)
    {
        var card = RenderCard(View(iThanked: iThanked, partnerThanked: partnerThanked));

        Assert.Equal(expected, card.Find("#today-gratitude-status").TextContent.Trim());
    }

    [Fact]
    public void ThePartnersNameIsText()
    {
        var view = View(QuestionStatus.Answered) with { PartnerName = "<b>Sam</b>" };

        var card = RenderCard(view);

        Assert.Equal("You answered. Waiting for <b>Sam</b>.", card.Find("#today-question-status").TextContent.Trim());
        Assert.Empty(card.FindAll("#today-card b"));
    }

    private IRenderedComponent<TodayCard> RenderCard(DashboardView view) =>
        Render<TodayCard>(parameters => parameters.Add(card => card.View, view));
}
