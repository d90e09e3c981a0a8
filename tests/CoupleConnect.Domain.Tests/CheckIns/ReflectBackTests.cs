using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class ReflectingBackBeforeTheReveal
{
    [Fact]
    public void IsRefusedWhenOnlyTheReflectorHasAnswered()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow());

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Reflect(Sam, Reflection("You felt close to me."), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
        Assert.Null(question.AnswerBy(Sam)!.ReflectionText);
    }

    [Fact]
    public void IsRefusedWhenOnlyThePartnerHasAnswered()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Reflect(Sam, Reflection("You liked the tea."), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
        Assert.Null(question.AnswerBy(Alex)!.ReflectionText);
        Assert.Null(question.AnswerBy(Alex)!.ReflectedAt);
    }

    [Fact]
    public void IsRefusedWhenNobodyHasAnswered()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Reflect(Alex, Reflection("Anything."), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
    }
}

public class ReflectingBackAfterTheReveal
{
    [Fact]
    public void WritesTheParaphraseOnThePartnersAnswer()
    {
        var clock = Clock();
        var question = Revealed(clock);
        clock.Advance(TimeSpan.FromMinutes(10));

        question.Reflect(Sam, Reflection("The tea told you I was thinking of you."), clock.GetUtcNow());

        var alexs = question.AnswerBy(Alex)!;
        Assert.Equal("The tea told you I was thinking of you.", alexs.ReflectionText);
        Assert.Equal(clock.GetUtcNow(), alexs.ReflectedAt);
        Assert.Null(alexs.Verdict);
        var sams = question.AnswerBy(Sam)!;
        Assert.Null(sams.ReflectionText);
        Assert.Null(sams.ReflectedAt);
    }

    [Fact]
    public void EachPartnerReflectsOnTheOther()
    {
        var clock = Clock();
        var question = Revealed(clock);

        question.Reflect(Sam, Reflection("Sam's words about Alex's answer."), clock.GetUtcNow());
        question.Reflect(Alex, Reflection("Alex's words about Sam's answer."), clock.GetUtcNow());

        Assert.Equal("Sam's words about Alex's answer.", question.AnswerBy(Alex)!.ReflectionText);
        Assert.Equal("Alex's words about Sam's answer.", question.AnswerBy(Sam)!.ReflectionText);
    }

    [Fact]
    public void DoesNotChangeTheAnswerItself()
    {
        var clock = Clock();
        var question = Revealed(clock);
        var alexs = question.AnswerBy(Alex)!;
        var text = alexs.Text;
        var updatedAt = alexs.UpdatedAt;
        clock.Advance(TimeSpan.FromMinutes(10));

        question.Reflect(Sam, Reflection("You felt looked after."), clock.GetUtcNow());

        Assert.Equal(text, alexs.Text);
        Assert.Equal(updatedAt, alexs.UpdatedAt);
    }

    [Fact]
    public void CanBeRewrittenUntilTheAuthorResponds()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("First attempt."), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(3));

        question.Reflect(Sam, Reflection("Better attempt."), clock.GetUtcNow());

        Assert.Equal("Better attempt.", question.AnswerBy(Alex)!.ReflectionText);
        Assert.Equal(clock.GetUtcNow(), question.AnswerBy(Alex)!.ReflectedAt);
    }

    [Fact]
    public void CannotBeRewrittenOnceTheAuthorSaidThatsIt()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("What I heard."), clock.GetUtcNow());
        var reflectedAt = clock.GetUtcNow();
        question.RespondToReflection(Alex, ReflectionVerdict.ThatsIt, null);
        clock.Advance(TimeSpan.FromMinutes(3));

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Reflect(Sam, Reflection("What I meant to say."), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.ReflectionAlreadyConfirmed, refusal.Rule);
        Assert.Equal("What I heard.", question.AnswerBy(Alex)!.ReflectionText);
        Assert.Equal(reflectedAt, question.AnswerBy(Alex)!.ReflectedAt);
        Assert.Equal(ReflectionVerdict.ThatsIt, question.AnswerBy(Alex)!.Verdict);
    }

    [Fact]
    public void AfterNotQuiteThePartnerMayTryAgainAndTheClarificationStays()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("What I heard."), clock.GetUtcNow());
        question.RespondToReflection(Alex, ReflectionVerdict.NotQuite, Reflection("It was more about feeling seen."));
        clock.Advance(TimeSpan.FromMinutes(3));

        question.Reflect(Sam, Reflection("You felt seen when I noticed."), clock.GetUtcNow());

        var alexs = question.AnswerBy(Alex)!;
        Assert.Equal("You felt seen when I noticed.", alexs.ReflectionText);
        Assert.Equal(clock.GetUtcNow(), alexs.ReflectedAt);
        Assert.Null(alexs.Verdict); // the new attempt waits for Alex's response
        Assert.Equal("It was more about feeling seen.", alexs.Clarification);
    }

    [Fact]
    public void AStrangerCannotReflectBecauseTheyHaveNotAnswered()
    {
        var clock = Clock();
        var question = Revealed(clock);

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Reflect(Robin, Reflection("I read your answers."), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
        Assert.All(question.Answers, answer => Assert.Null(answer.ReflectionText));
    }
}

public class RespondingToAReflection
{
    [Fact]
    public void TheAuthorSaysThatsIt()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("The tea meant I was thinking of you."), clock.GetUtcNow());

        question.RespondToReflection(Alex, ReflectionVerdict.ThatsIt, null);

        var alexs = question.AnswerBy(Alex)!;
        Assert.Equal(ReflectionVerdict.ThatsIt, alexs.Verdict);
        Assert.Null(alexs.Clarification);
        Assert.Equal("The tea meant I was thinking of you.", alexs.ReflectionText);
    }

    [Fact]
    public void TheAuthorSaysNotQuiteWithAClarificationThePartnerCanRead()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("You like tea."), clock.GetUtcNow());

        question.RespondToReflection(Alex, ReflectionVerdict.NotQuite, Reflection("More that you noticed I was tired."));

        var alexs = question.AnswerBy(Alex)!;
        Assert.Equal(ReflectionVerdict.NotQuite, alexs.Verdict);
        Assert.Equal("More that you noticed I was tired.", alexs.Clarification);
    }

    [Fact]
    public void TheAuthorSaysNotQuiteWithoutAClarification()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("You like tea."), clock.GetUtcNow());

        question.RespondToReflection(Alex, ReflectionVerdict.NotQuite, null);

        Assert.Equal(ReflectionVerdict.NotQuite, question.AnswerBy(Alex)!.Verdict);
        Assert.Null(question.AnswerBy(Alex)!.Clarification);
    }

    [Fact]
    public void ThereIsNothingToRespondToBeforeAReflection()
    {
        var clock = Clock();
        var question = Revealed(clock);

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.RespondToReflection(Alex, ReflectionVerdict.ThatsIt, null));

        Assert.Equal(CheckInRule.NoSuchReflection, refusal.Rule);
        Assert.Null(question.AnswerBy(Alex)!.Verdict);
    }

    [Fact]
    public void ThereIsNothingToRespondToBeforeTheReveal()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.RespondToReflection(Alex, ReflectionVerdict.ThatsIt, null));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
        Assert.Null(question.AnswerBy(Alex)!.Verdict);
    }

    [Fact]
    public void TheParaphraserCannotConfirmTheirOwnReflectionOnThePartnersAnswer()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("You felt cared for."), clock.GetUtcNow());

        // Sam's response can only ever be about Sam's own answer, which nobody has reflected on.
        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.RespondToReflection(Sam, ReflectionVerdict.ThatsIt, Reflection("Nailed it.")));

        Assert.Equal(CheckInRule.NoSuchReflection, refusal.Rule);
        Assert.Null(question.AnswerBy(Alex)!.Verdict);
        Assert.Null(question.AnswerBy(Alex)!.Clarification);
        Assert.Null(question.AnswerBy(Sam)!.Verdict);
    }

    [Fact]
    public void EachPartnersResponseLandsOnlyOnTheirOwnAnswer()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("Sam's reading of Alex."), clock.GetUtcNow());
        question.Reflect(Alex, Reflection("Alex's reading of Sam."), clock.GetUtcNow());

        question.RespondToReflection(Sam, ReflectionVerdict.NotQuite, Reflection("It was the quiet I liked."));

        Assert.Equal(ReflectionVerdict.NotQuite, question.AnswerBy(Sam)!.Verdict);
        Assert.Equal("It was the quiet I liked.", question.AnswerBy(Sam)!.Clarification);
        Assert.Null(question.AnswerBy(Alex)!.Verdict);
        Assert.Null(question.AnswerBy(Alex)!.Clarification);

        question.RespondToReflection(Alex, ReflectionVerdict.ThatsIt, null);

        Assert.Equal(ReflectionVerdict.ThatsIt, question.AnswerBy(Alex)!.Verdict);
        Assert.Equal(ReflectionVerdict.NotQuite, question.AnswerBy(Sam)!.Verdict);
    }

    [Fact]
    public void AStrangerCannotRespond()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.Reflect(Sam, Reflection("You felt cared for."), clock.GetUtcNow());

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.RespondToReflection(Robin, ReflectionVerdict.NotQuite, Reflection("Wrong!")));

        Assert.Equal(CheckInRule.NotYourAnswer, refusal.Rule);
        Assert.All(question.Answers, answer =>
        {
            Assert.Null(answer.Verdict);
            Assert.Null(answer.Clarification);
        });
    }
}

public class HeartingAnAnswer
{
    [Fact]
    public void PutsTheHeartOnThePartnersAnswerOnly()
    {
        var clock = Clock();
        var question = Revealed(clock);

        question.ToggleHeart(Sam);

        Assert.True(question.AnswerBy(Alex)!.HeartedByPartner);
        Assert.False(question.AnswerBy(Sam)!.HeartedByPartner);
    }

    [Fact]
    public void TappingAgainTakesItBack()
    {
        var clock = Clock();
        var question = Revealed(clock);
        question.ToggleHeart(Sam);

        question.ToggleHeart(Sam);

        Assert.False(question.AnswerBy(Alex)!.HeartedByPartner);
        Assert.False(question.AnswerBy(Sam)!.HeartedByPartner);
    }

    [Fact]
    public void BothCanHeartEachOther()
    {
        var clock = Clock();
        var question = Revealed(clock);

        question.ToggleHeart(Sam);
        question.ToggleHeart(Alex);

        Assert.True(question.AnswerBy(Alex)!.HeartedByPartner);
        Assert.True(question.AnswerBy(Sam)!.HeartedByPartner);
    }

    [Fact]
    public void IsRefusedBeforeTheReveal()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        var refusal = Assert.Throws<CheckInRuleException>(() => question.ToggleHeart(Sam));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
        Assert.False(question.AnswerBy(Alex)!.HeartedByPartner);
    }

    [Fact]
    public void IsRefusedToAStranger()
    {
        var clock = Clock();
        var question = Revealed(clock);

        var refusal = Assert.Throws<CheckInRuleException>(() => question.ToggleHeart(Robin));

        Assert.Equal(CheckInRule.NotRevealedYet, refusal.Rule);
        Assert.All(question.Answers, answer => Assert.False(answer.HeartedByPartner));
    }
}
