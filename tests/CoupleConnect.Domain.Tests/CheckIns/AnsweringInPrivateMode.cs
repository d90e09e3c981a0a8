using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class AnsweringInPrivateMode
{
    [Fact]
    public void BothAnswersOpenForBothAtTheMorningOfAPrivateAnswer()
    {
        var clock = Clock();
        var morning = Start.AddHours(21);
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow(), new AnswerTerms(false, morning));

        Assert.True(question.IsRevealed);
        Assert.False(question.IsRevealedAt(clock.GetUtcNow()));
        Assert.True(question.IsRevealedAt(morning));
    }

    [Fact]
    public void TheOtherCanStillChangeTheirAnswerUntilThenSoNothingGivesThePrivateAnswerAway()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow(), new AnswerTerms(false, Start.AddHours(21)));
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        question.Answer(Alex, Answer("Tea in bed, and the note."), Today, clock.GetUtcNow());

        Assert.Equal("Tea in bed, and the note.", question.AnswerBy(Alex)!.Text);
    }

    [Fact]
    public void NobodyReflectsBeforeTheMorning()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow(), new AnswerTerms(false, Start.AddHours(21)));
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        Assert.Throws<CheckInRuleException>(() => question.Reflect(Sam, Reflection("You liked the tea."), clock.GetUtcNow()));
    }
}
