using CoupleConnect.Web.Features.CheckIns;

namespace CoupleConnect.Web.Tests.CheckIns;

public sealed class SwapControlTests : CheckInTestContext
{
    [Fact]
    public void AnUnansweredTodayOffersOneSwapAndTheButtonAsksForIt()
    {
        var swaps = 0;
        var card = Render<QuestionCard>(parameters => parameters
            .Add(card => card.Day, Day())
            .Add(card => card.OnSwap, () => swaps++));

        Assert.Contains("One swap a day for the two of you, before either of you answers.", card.Find("#swap-question").TextContent);
        Assert.Equal("couple/settings#question-depth", card.Find("#swap-question a").GetAttribute("href"));
        card.Find("#swap-question-button").Click();

        Assert.Equal(1, swaps);
    }

    [Fact]
    public void AfterTheDaysSwapTheCardSaysSoAndOffersNoOther()
    {
        var card = RenderCard(Day(swap: SwapStatus.AlreadySwapped));

        Assert.Empty(card.FindAll("#swap-question-button"));
        Assert.Equal("Swapped once today. Tomorrow brings a fresh question.", card.Find("#swap-question-used").TextContent.Trim());
    }

    [Fact]
    public void WhenThePartnerHasAnsweredTheQuestionStaysAndTheCardSaysWhy()
    {
        var card = RenderCard(Day(partnerHasAnswered: true));

        Assert.Empty(card.FindAll("#swap-question-button"));
        Assert.Equal("Alex has already answered this one, so it stays: their answer is waiting for yours.", card.Find("#swap-question-kept").TextContent.Trim());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnsweredOrEarlierDaysShowNoSwap(bool earlierDay)
    {
        var card = RenderCard(earlierDay ? Day(isToday: false) : Day(myAnswer: "Tea in bed."));

        Assert.Empty(card.FindAll("#swap-question-button"));
        Assert.Empty(card.FindAll("#swap-question-used"));
        Assert.Empty(card.FindAll("#swap-question-kept"));
    }

    [Fact]
    public void WordsAlreadyTypedStayInTheBoxWhenTheQuestionIsSwapped()
    {
        var card = RenderCard(Day());
        card.Find("textarea").Input("Half a thought about the weekend");

        card.Render(parameters => parameters.Add(c => c.Day, Day(swap: SwapStatus.AlreadySwapped) with { QuestionText = "What's a tiny adventure we could have this week?", QuestionId = 2 }));

        Assert.Equal("What's a tiny adventure we could have this week?", card.Find("h2.cc-question-text").TextContent.Trim());
        Assert.Equal("Half a thought about the weekend", card.Find("textarea").GetAttribute("value") ?? card.Find("textarea").TextContent);
    }
}
