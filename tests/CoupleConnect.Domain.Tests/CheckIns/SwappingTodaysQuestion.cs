using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class SwappingTodaysQuestion
{
    private const int Replacement = 14;

    [Fact]
    public void ASwapGivesTheDayANewQuestionAndRemembersTheOneSwappedAway()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);

        question.Swap(Replacement, Today, clock.GetUtcNow());

        Assert.Equal(Replacement, question.QuestionId);
        Assert.Equal(QuestionId, question.SwappedQuestionId);
        Assert.Equal([QuestionId, Replacement], question.QuestionsUsed());
        Assert.False(question.CanSwap(Today));
    }

    [Fact]
    public void ASecondSwapOnTheSameDayIsRefused()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Swap(Replacement, Today, clock.GetUtcNow());

        var refused = Assert.Throws<CheckInRuleException>(() => question.Swap(QuestionId, Today, clock.GetUtcNow()));

        Assert.Equal(CheckInRule.AlreadySwappedToday, refused.Rule);
        Assert.Equal(Replacement, question.QuestionId);
    }

    [Theory]
    [InlineData(Alex)]
    [InlineData(Sam)]
    public void OnceEitherPartnerHasAnsweredTheQuestionStaysAndTheAnswerWithIt(string whoAnswered)
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(whoAnswered, Answer("The tea you brought me this morning."), Today, clock.GetUtcNow());

        var refused = Assert.Throws<CheckInRuleException>(() => question.Swap(Replacement, Today, clock.GetUtcNow()));

        Assert.Equal(CheckInRule.SwapAfterAnAnswer, refused.Rule);
        Assert.Equal(QuestionId, question.QuestionId);
        Assert.Null(question.SwappedQuestionId);
        Assert.Equal("The tea you brought me this morning.", question.AnswerBy(whoAnswered)?.Text);
        Assert.False(question.CanSwap(Today));
    }

    [Fact]
    public void AnEarlierDaysQuestionCannotBeSwapped()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);

        var refused = Assert.Throws<CheckInRuleException>(() => question.Swap(Replacement, Today.AddDays(1), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.SwapOnlyToday, refused.Rule);
        Assert.False(question.CanSwap(Today.AddDays(1)));
        Assert.True(question.CanSwap(Today));
    }

    [Fact]
    public void SwappingToTheSameQuestionIsAMistakeInTheCaller()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);

        Assert.Throws<ArgumentException>(() => question.Swap(QuestionId, Today, clock.GetUtcNow()));
        Assert.True(question.CanSwap(Today));
    }
}
