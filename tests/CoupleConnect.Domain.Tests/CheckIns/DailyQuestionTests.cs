using CoupleConnect.Domain.CheckIns;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

public class ADaysQuestion
{
    [Fact]
    public void BelongsToTheCoupleAndDayWithNoAnswersYet()
    {
        var question = DailyQuestion.For(CoupleId, Today, QuestionId, Start);

        Assert.NotEqual(Guid.Empty, question.Id);
        Assert.Equal(CoupleId, question.CoupleId);
        Assert.Equal(Today, question.Day);
        Assert.Equal(QuestionId, question.QuestionId);
        Assert.Equal(Start, question.CreatedAt);
        Assert.Empty(question.Answers);
        Assert.False(question.IsRevealed);
        Assert.Null(question.AnswerBy(Alex));
    }

    [Fact]
    public void EachGetsItsOwnId()
    {
        var first = DailyQuestion.For(CoupleId, Today, QuestionId, Start);
        var second = DailyQuestion.For(CoupleId, Today, QuestionId, Start);

        Assert.NotEqual(first.Id, second.Id);
    }
}

public class AnsweringPrivately
{
    [Fact]
    public void OneAnswerRevealsNothing()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);

        question.Answer(Alex, Answer("Your note on the fridge."), Today, clock.GetUtcNow());

        Assert.False(question.IsRevealed);
        Assert.Null(question.AnswerBy(Sam));
        Assert.Single(question.Answers);
    }

    [Fact]
    public void KeepsTheAnswerWithItsAuthorAndTime()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        clock.Advance(TimeSpan.FromHours(2));

        var answer = question.Answer(Sam, Answer("When you waited up for me."), Today, clock.GetUtcNow());

        Assert.Same(answer, question.AnswerBy(Sam));
        Assert.NotEqual(Guid.Empty, answer.Id);
        Assert.Equal(question.Id, answer.DailyQuestionId);
        Assert.Equal(Sam, answer.AuthorId);
        Assert.Equal("When you waited up for me.", answer.Text);
        Assert.Equal(Start.AddHours(2), answer.AnsweredAt);
        Assert.Equal(Start.AddHours(2), answer.UpdatedAt);
        Assert.False(answer.HeartedByPartner);
        Assert.Null(answer.ReflectionText);
        Assert.Null(answer.ReflectedAt);
        Assert.Null(answer.Verdict);
        Assert.Null(answer.Clarification);
    }

    [Fact]
    public void BothAnsweringRevealsBothAnswers()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Tea in bed."), Today, clock.GetUtcNow());
        Assert.False(question.IsRevealed);
        clock.Advance(TimeSpan.FromMinutes(30));

        question.Answer(Sam, Answer("The walk home."), Today, clock.GetUtcNow());

        Assert.True(question.IsRevealed);
        Assert.Equal("Tea in bed.", question.AnswerBy(Alex)!.Text);
        Assert.Equal("The walk home.", question.AnswerBy(Sam)!.Text);
        Assert.Equal([Alex, Sam], question.Answers.Select(answer => answer.AuthorId));
    }

    [Fact]
    public void AnsweringTwiceAloneDoesNotRevealAnything()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("First try."), Today, clock.GetUtcNow());
        question.Answer(Alex, Answer("Second try."), Today, clock.GetUtcNow());

        Assert.False(question.IsRevealed);
        Assert.Single(question.Answers);
    }
}

public class EditingAnAnswerBeforeTheReveal
{
    [Fact]
    public void ReplacesTheTextAndKeepsOneAnswerPerPerson()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        var first = question.Answer(Alex, Answer("The flowers."), Today, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(15));

        var edited = question.Answer(Alex, Answer("The flowers, and that you remembered why."), Today, clock.GetUtcNow());

        Assert.Same(first, edited);
        var only = Assert.Single(question.Answers);
        Assert.Equal("The flowers, and that you remembered why.", only.Text);
        Assert.Equal(first.Id, only.Id);
    }

    [Fact]
    public void MovesUpdatedAtButNotAnsweredAt()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("The flowers."), Today, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(15));

        var edited = question.Answer(Alex, Answer("The flowers."), Today, clock.GetUtcNow());

        Assert.Equal(Start, edited.AnsweredAt);
        Assert.Equal(Start.AddMinutes(15), edited.UpdatedAt);
    }

    [Fact]
    public void LeavesThePartnersAnswerAlone()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Mine."), Today, clock.GetUtcNow());
        question.Answer(Sam, Answer("Also mine."), Today, clock.GetUtcNow());

        Assert.Equal("Mine.", question.AnswerBy(Alex)!.Text);
        Assert.Equal("Also mine.", question.AnswerBy(Sam)!.Text);
    }

    [Fact]
    public void IsAllowedOnALaterDayOfTheWindow()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Draft."), Today, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(6));

        question.Answer(Alex, Answer("Finished."), Today.AddDays(6), clock.GetUtcNow());

        Assert.Equal("Finished.", question.AnswerBy(Alex)!.Text);
        Assert.Equal(Start.AddDays(6), question.AnswerBy(Alex)!.UpdatedAt);
    }
}

public class EditingAnAnswerAfterTheReveal
{
    [Theory]
    [InlineData(Alex)]
    [InlineData(Sam)]
    public void IsRefusedAndLeavesTheAnswerAsItWas(string author)
    {
        var clock = Clock();
        var question = Revealed(clock);
        var before = question.AnswerBy(author)!.Text;
        var updatedAt = question.AnswerBy(author)!.UpdatedAt;
        clock.Advance(TimeSpan.FromMinutes(5));

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Answer(author, Answer("Actually, something else."), Today, clock.GetUtcNow()));

        Assert.Equal(CheckInRule.AnswerLocked, refusal.Rule);
        Assert.Equal(before, question.AnswerBy(author)!.Text);
        Assert.Equal(updatedAt, question.AnswerBy(author)!.UpdatedAt);
        Assert.Equal(2, question.Answers.Count);
    }

    [Fact]
    public void AThirdAnswerIsRefusedToo()
    {
        var clock = Clock();
        var question = Revealed(clock);

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Answer(Robin, Answer("Me too!"), Today, clock.GetUtcNow()));

        Assert.Equal(CheckInRule.AnswerLocked, refusal.Rule);
        Assert.Null(question.AnswerBy(Robin));
        Assert.Equal(2, question.Answers.Count);
    }
}

public class TheSevenDayAnswerWindow
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    public void IsOpenOnItsDayAndTheSixDaysAfter(int daysLater)
    {
        var question = DailyQuestion.For(CoupleId, Today, QuestionId, Start);

        Assert.True(question.IsOpenOn(Today.AddDays(daysLater)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(365)]
    public void IsClosedFromTheSeventhDayAfter(int daysLater)
    {
        var question = DailyQuestion.For(CoupleId, Today, QuestionId, Start);

        Assert.Equal(7, DailyQuestion.AnswerWindowDays);
        Assert.False(question.IsOpenOn(Today.AddDays(daysLater)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-7)]
    public void IsNotOpenBeforeItsDay(int daysLater)
    {
        var question = DailyQuestion.For(CoupleId, Today, QuestionId, Start);

        Assert.False(question.IsOpenOn(Today.AddDays(daysLater)));
    }

    [Fact]
    public void AMissedDayCanStillBeAnsweredSixDaysLater()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        clock.Advance(TimeSpan.FromDays(6));

        question.Answer(Alex, Answer("Catching up on this one."), Today.AddDays(6), clock.GetUtcNow());
        question.Answer(Sam, Answer("Me too."), Today.AddDays(6), clock.GetUtcNow());

        Assert.True(question.IsRevealed);
        Assert.Equal(Start.AddDays(6), question.AnswerBy(Alex)!.AnsweredAt);
    }

    [Fact]
    public void AnsweringSevenDaysLaterIsRefusedAndStoresNothing()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        clock.Advance(TimeSpan.FromDays(7));

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Answer(Alex, Answer("Too late?"), Today.AddDays(7), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.OutsideAnswerWindow, refusal.Rule);
        Assert.Empty(question.Answers);
    }

    [Fact]
    public void EditingSevenDaysLaterIsRefusedAndKeepsTheOldText()
    {
        var clock = Clock();
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("Written on the day."), Today, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(7));

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Answer(Alex, Answer("Rewritten a week later."), Today.AddDays(7), clock.GetUtcNow()));

        Assert.Equal(CheckInRule.OutsideAnswerWindow, refusal.Rule);
        Assert.Equal("Written on the day.", question.AnswerBy(Alex)!.Text);
        Assert.Equal(Start, question.AnswerBy(Alex)!.UpdatedAt);
    }

    [Fact]
    public void AnsweringAFutureDaysQuestionIsRefused()
    {
        var clock = Clock();
        var tomorrows = DailyQuestion.For(CoupleId, Today.AddDays(1), QuestionId, clock.GetUtcNow());

        var refusal = Assert.Throws<CheckInRuleException>(
            () => tomorrows.Answer(Alex, Answer("Getting ahead."), Today, clock.GetUtcNow()));

        Assert.Equal(CheckInRule.OutsideAnswerWindow, refusal.Rule);
        Assert.Empty(tomorrows.Answers);
    }
}
