using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Talks;

namespace CoupleConnect.Domain.Tests.Talks;

/// <summary>The turn-taking state machine: who may act when, the reflect-back loop, the swap, the time box and ending.</summary>
public class ATalkTakesTurns
{
    private const string Alex = "alex";
    private const string Sam = "sam";
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheProposerSpeaksFirstAndTheOtherOnlyListens()
    {
        var talk = LiveTalk();

        Assert.Equal((TalkStep.Speak, Alex), talk.NextMove(Start));
        var refused = Assert.Throws<TalkRuleException>(() => talk.Speak(Sam, Text("me first"), Start));
        Assert.Equal(TalkRule.NotYourTurnToSpeak, refused.Rule);
    }

    [Fact]
    public void OnlyTheListenerReflectsAndOnlyTheSpeakerConfirms()
    {
        var talk = LiveTalk();
        talk.Speak(Alex, Text("I feel rushed in the mornings."), Start);

        Assert.Equal((TalkStep.Reflect, Sam), talk.NextMove(Start));
        Assert.Equal(TalkRule.NotYourTurnToReflect, Assert.Throws<TalkRuleException>(() => talk.Reflect(Alex, Text("I said…"), Start)).Rule);
        Assert.Equal(TalkRule.NotYourTurnToConfirm, Assert.Throws<TalkRuleException>(() => talk.Answer(Alex, ReflectionVerdict.ThatsIt, null, Start)).Rule);

        talk.Reflect(Sam, Text("Mornings feel too fast for you."), Start);

        Assert.Equal((TalkStep.Confirm, Alex), talk.NextMove(Start));
        Assert.Equal(TalkRule.NotYourTurnToConfirm, Assert.Throws<TalkRuleException>(() => talk.Answer(Sam, ReflectionVerdict.ThatsIt, null, Start)).Rule);
    }

    [Fact]
    public void NotQuiteHandsTheTurnBackToTheListenerWithoutASwap()
    {
        var talk = LiveTalk();
        talk.Speak(Alex, Text("I feel rushed in the mornings."), Start);
        talk.Reflect(Sam, Text("You want to get up earlier."), Start);

        talk.Answer(Alex, ReflectionVerdict.NotQuite, Text("More that I'd like us to share the jobs."), Start);

        Assert.Equal((TalkStep.Reflect, Sam), talk.NextMove(Start));
        Assert.Equal(0, talk.CompletedTurns);
        Assert.Equal(1, talk.Turns[0].NotQuiteCount);
        Assert.Equal("More that I'd like us to share the jobs.", talk.Turns[0].Clarification);
        Assert.Equal(TalkRule.NotYourTurnToSpeak, Assert.Throws<TalkRuleException>(() => talk.Speak(Sam, Text("my turn?"), Start)).Rule);

        talk.Reflect(Sam, Text("You'd like us to share the morning jobs."), Start);
        Assert.Equal((TalkStep.Confirm, Alex), talk.NextMove(Start));
    }

    [Fact]
    public void ThatsItCompletesTheTurnAndTheRolesSwap()
    {
        var talk = LiveTalk();
        TakeTurn(talk, Alex, Sam);

        Assert.Equal(1, talk.CompletedTurns);
        Assert.Equal((TalkStep.Speak, Sam), talk.NextMove(Start));

        TakeTurn(talk, Sam, Alex);
        Assert.Equal(2, talk.CompletedTurns);
        Assert.Equal((TalkStep.Speak, Alex), talk.NextMove(Start));
        Assert.Equal([1, 2], talk.Turns.Select(turn => turn.Number));
    }

    [Fact]
    public void NoNewTurnStartsOnceTheTimeBoxIsUpButTheTurnUnderWayMayFinish()
    {
        var talk = LiveTalk(minutes: 15);
        talk.Speak(Alex, Text("I feel rushed in the mornings."), Start.AddMinutes(10));
        var late = Start.AddMinutes(16);

        Assert.True(talk.IsTimeUp(late));
        Assert.Equal(TimeSpan.Zero, talk.TimeLeft(late));
        talk.Reflect(Sam, Text("Mornings feel too fast."), late);
        talk.Answer(Alex, ReflectionVerdict.ThatsIt, null, late);

        Assert.Equal((TalkStep.TimeUp, null), talk.NextMove(late));
        Assert.Equal(TalkRule.TimeIsUp, Assert.Throws<TalkRuleException>(() => talk.Speak(Sam, Text("one more"), late)).Rule);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(12, 18)]
    [InlineData(29, 1)]
    public void ShowsTheTimeLeftFromWhenItBegan(int minutesIn, int minutesLeft)
    {
        var talk = LiveTalk(minutes: 30);

        Assert.Equal(TimeSpan.FromMinutes(minutesLeft), talk.TimeLeft(Start.AddMinutes(minutesIn)));
        Assert.False(talk.IsTimeUp(Start.AddMinutes(minutesIn)));
    }

    [Theory]
    [InlineData(Alex)]
    [InlineData(Sam)]
    public void EitherCanLeaveAtAnyMomentAndThenNobodyTakesATurn(string leaver)
    {
        var talk = LiveTalk();
        talk.Speak(Alex, Text("I feel rushed in the mornings."), Start);

        talk.End(leaver, Start.AddMinutes(3));

        Assert.Equal(TalkStatus.Ended, talk.Status);
        Assert.Equal(leaver, talk.EndedById);
        Assert.Equal((TalkStep.Over, null), talk.NextMove(Start.AddMinutes(4)));
        Assert.Equal(TalkRule.AlreadyOver, Assert.Throws<TalkRuleException>(() => talk.Reflect(Sam, Text("late"), Start.AddMinutes(4))).Rule);
    }

    [Fact]
    public void EachNamesOneThingToTryOnlyAfterTheEnd()
    {
        var talk = LiveTalk();
        Assert.Equal(TalkRule.NotOverYet, Assert.Throws<TalkRuleException>(() => talk.NameNextStep(Alex, Text("I'll ask first."), Start)).Rule);

        talk.End(Sam, Start.AddMinutes(20));
        talk.NameNextStep(Alex, Text("I'll ask first."), Start.AddMinutes(21));
        talk.NameNextStep(Alex, Text("I'll ask about your day first."), Start.AddMinutes(22));
        talk.NameNextStep(Sam, Text("I'll make tea."), Start.AddMinutes(22));

        Assert.Equal(2, talk.NextSteps.Count);
        Assert.Equal("I'll ask about your day first.", talk.NextSteps.Single(step => step.AuthorId == Alex).Text);
    }

    [Fact]
    public void SomeoneOutsideTheTalkCanDoNothing()
    {
        var talk = LiveTalk();

        Assert.Equal(TalkRule.NotInThisTalk, Assert.Throws<TalkRuleException>(() => talk.Speak("stranger", Text("hello"), Start)).Rule);
        Assert.Equal(TalkRule.NotInThisTalk, Assert.Throws<TalkRuleException>(() => talk.End("stranger", Start)).Rule);
    }

    [Fact]
    public void RemovingWordsLeavesTheTurnAndOnlyTakesTheAuthorsOwn()
    {
        var talk = LiveTalk();
        TakeTurn(talk, Alex, Sam);
        var turn = talk.Turns[0];

        talk.RemoveWords(Alex, turn.Id, Start);

        Assert.Null(turn.Said);
        Assert.True(turn.SaidRemoved);
        Assert.NotNull(turn.Reflection);
        talk.RemoveWords(Sam, turn.Id, Start);
        Assert.True(turn.ReflectionRemoved);
        Assert.Equal(TalkRule.NoSuchWords, Assert.Throws<TalkRuleException>(() => talk.RemoveWords(Sam, turn.Id, Start)).Rule);
        Assert.Equal(1, talk.CompletedTurns);
    }

    private static Talk LiveTalk(int minutes = 30)
    {
        var talk = Talk.Propose(Guid.NewGuid(), Alex, Sam, Text("How we share the mornings"), minutes, null, Start.AddMinutes(-1));
        talk.Accept(Sam, Start);
        return talk;
    }

    private static void TakeTurn(Talk talk, string speaker, string listener)
    {
        talk.Speak(speaker, Text("I feel and I need."), Start);
        talk.Reflect(listener, Text("You feel and you need."), Start);
        talk.Answer(speaker, ReflectionVerdict.ThatsIt, null, Start);
    }

    internal static TalkText Text(string value) =>
        TalkText.TryParse(value, TalkText.SaidMaxLength, "words", out var text, out var problem) ? text! : throw new InvalidOperationException(problem);
}
