using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class RevealingTogether
{
    private static readonly AnswerTerms Together = new(RevealTogether: true, VisibleToPartnerFrom: null);

    [Fact]
    public void ATrivialSecondAnswerDoesNotRevealTheFirst()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("I felt cared for when you made me tea."), Today, clock.GetUtcNow(), Together);

        question.Answer(Sam, Answer("."), Today, clock.GetUtcNow(), Together);

        Assert.True(question.BothAnswered);
        Assert.True(question.IsWaitingForReveal);
        Assert.False(question.IsRevealedAt(clock.GetUtcNow()));
    }

    [Fact]
    public void OneTapIsNotEnough()
    {
        var clock = Clock();
        var question = BothAnsweredTogether(clock);

        question.TapReveal(Sam, clock.GetUtcNow());

        Assert.False(question.IsRevealed);
    }

    [Fact]
    public void BothTapsRevealAndLockTheAnswers()
    {
        var clock = Clock();
        var question = BothAnsweredTogether(clock);

        question.TapReveal(Sam, clock.GetUtcNow());
        question.TapReveal(Alex, clock.GetUtcNow());

        Assert.True(question.IsRevealedAt(clock.GetUtcNow()));
        var locked = Assert.Throws<CheckInRuleException>(() => question.Answer(Alex, Answer("Changed my mind."), Today, clock.GetUtcNow(), Together));
        Assert.Equal(CheckInRule.AnswerLocked, locked.Rule);
    }

    [Fact]
    public void AnswersCanStillChangeWhileWaitingForTheTaps()
    {
        var clock = Clock();
        var question = BothAnsweredTogether(clock);

        question.Answer(Alex, Answer("Tea in bed, and the note."), Today, clock.GetUtcNow(), Together);

        Assert.Equal("Tea in bed, and the note.", question.AnswerBy(Alex)!.Text);
    }

    [Theory]
    [InlineData(Alex)]
    [InlineData(Robin)]
    public void RevealCannotBeTappedBeforeBothAnswered(string who)
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow(), Together);

        var refused = Assert.Throws<CheckInRuleException>(() => question.TapReveal(who, clock.GetUtcNow()));

        Assert.Equal(CheckInRule.RevealNeedsBothAnswers, refused.Rule);
    }

    [Fact]
    public void TheFirstAnswerIsProtectedWhenTheSettingComesOnBeforeTheSecond()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());

        question.Answer(Sam, Answer("."), Today, clock.GetUtcNow(), Together);

        Assert.False(question.IsRevealed);
    }

    [Fact]
    public void ADayThatRevealsTogetherStaysSoWhenTheSettingGoesOff()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow(), Together);

        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow(), new AnswerTerms(false, null));

        Assert.True(question.RevealsTogether);
        Assert.False(question.IsRevealed);
    }

    [Fact]
    public void WithoutTheSettingTheSecondAnswerRevealsAsBefore()
    {
        var question = Revealed(Clock());

        Assert.False(question.RevealsTogether);
        Assert.True(question.IsRevealed);
    }

    [Fact]
    public void NobodyReflectsOrSendsAHeartBeforeBothTapped()
    {
        var clock = Clock();
        var question = BothAnsweredTogether(clock);
        question.TapReveal(Sam, clock.GetUtcNow());

        Assert.Throws<CheckInRuleException>(() => question.Reflect(Sam, Reflection("You liked the tea."), clock.GetUtcNow()));
        Assert.Throws<CheckInRuleException>(() => question.ToggleHeart(Sam));
    }

    private static DailyQuestion BothAnsweredTogether(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow(), Together);
        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow(), Together);
        return question;
    }
}
