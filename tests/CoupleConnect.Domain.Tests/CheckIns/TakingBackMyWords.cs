using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

/// <summary>Issue 17, item 1 (docs/adr/0035): an answer withdrawn before the reveal is gone; after it, its words go and its place stays.</summary>
public class TakingBackMyWords
{
    [Fact]
    public void BeforeTheRevealMyAnswerIsWithdrawnAsIfNeverWritten()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Ptarmigan."), Today, clock.GetUtcNow());

        Assert.True(question.TakeBackAnswer(Alex, clock.GetUtcNow()));

        Assert.Empty(question.Answers);
        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow());
        Assert.False(question.IsRevealed); // Sam's answer waits for a new one from Alex
    }

    [Fact]
    public void AfterTheRevealMyWordsGoButTheDayStaysRevealedAndTheirReflectionStays()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("You felt looked after."), clock.GetUtcNow());
        question.RespondToReflection(Alex, ReflectionVerdict.NotQuite, Answer("Whimbrel."));

        Assert.False(question.TakeBackAnswer(Alex, clock.GetUtcNow()));

        var mine = question.AnswerBy(Alex)!;
        Assert.True(question.IsRevealed);
        Assert.True(mine.IsRemoved);
        Assert.Equal(string.Empty, mine.Text);
        Assert.Null(mine.Clarification);
        Assert.Equal("You felt looked after.", mine.ReflectionText);
        Assert.Equal(CheckInRule.NoSuchAnswer, Assert.Throws<CheckInRuleException>(() => question.TakeBackAnswer(Alex, clock.GetUtcNow())).Rule);
        Assert.Equal(CheckInRule.NoSuchAnswer, Assert.Throws<CheckInRuleException>(() => question.Reflect(Sam, Reflection("Again."), clock.GetUtcNow())).Rule);
    }

    [Fact]
    public void NobodyTakesBackWhatTheyDidNotWrite()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Alex, Reflection("You felt heard."), clock.GetUtcNow());

        Assert.Equal(CheckInRule.NoSuchAnswer, Assert.Throws<CheckInRuleException>(() => question.TakeBackAnswer(Robin, clock.GetUtcNow())).Rule);
        Assert.Equal(CheckInRule.NoSuchReflection, Assert.Throws<CheckInRuleException>(() => question.RemoveReflection(Sam, clock.GetUtcNow())).Rule);
        Assert.Equal(CheckInRule.NoSuchReflection, Assert.Throws<CheckInRuleException>(() => question.RemoveReflection(Robin, clock.GetUtcNow())).Rule);
        Assert.Equal("You felt heard.", question.AnswerBy(Sam)!.ReflectionText);
    }

    [Fact]
    public void ARemovedReflectionLeavesTheAuthorsResponseMarked()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("You felt looked after."), clock.GetUtcNow());
        question.RespondToReflection(Alex, ReflectionVerdict.NotQuite, Answer("The tea most."));

        question.RemoveReflection(Sam, clock.GetUtcNow());

        var alexs = question.AnswerBy(Alex)!;
        Assert.Null(alexs.ReflectionText);
        Assert.True(alexs.ReflectionRemoved);
        Assert.Equal("The tea most.", alexs.Clarification);
    }

    [Fact]
    public void EverythingOnePersonLeftOnADayGoesAtOnceAndTheOthersWordsStay()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Alex, Reflection("You liked being listened to."), clock.GetUtcNow());
        question.ToggleHeart(Alex);

        Assert.Equal(2, question.RemoveEverythingBy(Alex, clock.GetUtcNow()));

        var sams = question.AnswerBy(Sam)!;
        Assert.Equal("When you listened to me on the way home.", sams.Text);
        Assert.Null(sams.ReflectionText);
        Assert.False(sams.HeartedByPartner);
        Assert.True(question.AnswerBy(Alex)!.IsRemoved);
        Assert.Equal(0, question.RemoveEverythingBy(Alex, clock.GetUtcNow()));
    }
}
