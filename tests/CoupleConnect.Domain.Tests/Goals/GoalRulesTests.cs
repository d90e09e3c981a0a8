using CoupleConnect.Domain.Goals;

namespace CoupleConnect.Domain.Tests.Goals;

public class GoalRulesTests
{
    private static readonly Guid Couple = Guid.NewGuid();
    private static readonly DateTimeOffset March = new(2027, 3, 7, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2027, 4, 4, 9, 0, 0, TimeSpan.Zero);

    private static GoalName Name(string value)
    {
        Assert.True(GoalName.TryParse(value, out var name, out var problem), problem);
        return name!;
    }

    private static GoalWhy? Why(string? value)
    {
        Assert.True(GoalWhy.TryParseOptional(value, out var why, out var problem), problem);
        return why;
    }

    private static GoalNoteText Note(string value)
    {
        Assert.True(GoalNoteText.TryParse(value, out var text, out var problem), problem);
        return text!;
    }

    private static Goal SundayWalks(int activeAlready = 0) =>
        Goal.Set(Couple, "sam", Name("A walk together every Sunday"), Why("We talk best when we walk."), GoalRhythm.Weekly, activeAlready, March);

    [Fact]
    public void ANewGoalIsActiveAndItsWordsAreItsSetters()
    {
        var goal = SundayWalks();

        Assert.Equal((GoalStatus.Active, "A walk together every Sunday", "We talk best when we walk.", "sam", "sam"), (goal.Status, goal.Name, goal.Why, goal.SetById, goal.WordsById));
        Assert.True(goal.IsActive);
    }

    [Fact]
    public void ACoupleKeepsThreeActiveGoalsAtMost()
    {
        Assert.NotNull(SundayWalks(Goal.MaxActive - 1));
        Assert.Equal(GoalRule.TooManyActive, Assert.Throws<GoalRuleException>(() => SundayWalks(Goal.MaxActive)).Rule);
        Assert.Equal(3, Goal.MaxActive);
    }

    [Fact]
    public void AnUnknownRhythmIsRefused()
    {
        Assert.Equal(GoalRule.UnknownRhythm, Assert.Throws<GoalRuleException>(() => Goal.Set(Couple, "sam", Name("Cook on Fridays"), null, (GoalRhythm)42, 0, March)).Rule);
    }

    [Fact]
    public void EitherPartnerChangesTheGoalAndTheNewWordsAreTheirs()
    {
        var goal = SundayWalks();

        Assert.True(goal.Change("alex", Name("A walk together most Sundays"), Why(null), GoalRhythm.Monthly, April));

        Assert.Equal(("A walk together most Sundays", (string?)null, GoalRhythm.Monthly, "alex", April), (goal.Name, goal.Why, goal.Rhythm, goal.WordsById, goal.ChangedAt));
    }

    [Fact]
    public void ChangingOnlyTheRhythmLeavesTheWordsWithTheirWriter()
    {
        var goal = SundayWalks();

        Assert.True(goal.Change("alex", Name(goal.Name), Why(goal.Why), GoalRhythm.Monthly, April));
        Assert.False(goal.Change("alex", Name(goal.Name), Why(goal.Why), GoalRhythm.Monthly, April));

        Assert.Equal("sam", goal.WordsById);
    }

    [Fact]
    public void KeepingAGoalRecordsWhenTheCoupleChoseItAgain()
    {
        var goal = SundayWalks();

        goal.Keep(April);

        Assert.Equal((April, GoalStatus.Active), (goal.KeptAt, goal.Status));
    }

    [Fact]
    public void LettingGoAndFinishingEndTheGoalAndAnEndedGoalTakesNoMoreChangesOrCheckIns()
    {
        var letGo = SundayWalks();
        var done = SundayWalks();

        letGo.LetGo("alex", April);
        done.MarkDone("sam", April);

        Assert.Equal((GoalStatus.LetGo, April, "alex"), (letGo.Status, letGo.EndedAt, letGo.EndedById));
        Assert.Equal((GoalStatus.Done, April, "sam"), (done.Status, done.EndedAt, done.EndedById));
        foreach (var ended in new[] { letGo, done })
        {
            Assert.Equal(GoalRule.NotActive, Assert.Throws<GoalRuleException>(() => ended.Keep(April)).Rule);
            Assert.Equal(GoalRule.NotActive, Assert.Throws<GoalRuleException>(() => ended.LetGo("sam", April)).Rule);
            Assert.Equal(GoalRule.NotActive, Assert.Throws<GoalRuleException>(() => ended.Change("sam", Name("Again"), null, GoalRhythm.None, April)).Rule);
            Assert.Equal(GoalRule.NotActive, Assert.Throws<GoalRuleException>(() => GoalNote.Write(ended, "sam", Note("Still walking"), null, April)).Rule);
        }
    }

    [Fact]
    public void TheLettingGoWordingSaysItIsNotFailure()
    {
        Assert.Contains("isn't failing", Goal.LettingGoIsFine, StringComparison.Ordinal);
        Assert.DoesNotContain("fail.", GoalRuleException.MessageFor(GoalRule.TooManyActive), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OnlyTheAuthorMayDeleteACheckIn()
    {
        var note = GoalNote.Write(SundayWalks(), "alex", Note("Two walks this month"), null, April);

        note.EnsureDeletableBy("alex");
        Assert.Equal(GoalRule.NotYours, Assert.Throws<GoalRuleException>(() => note.EnsureDeletableBy("sam")).Rule);
    }

    [Fact]
    public void ACheckInInPrivateModeIsHeldFromThePartnerUntilTheMorning()
    {
        var morning = April.AddHours(20);

        var note = GoalNote.Write(SundayWalks(), "alex", Note("A short one today"), morning, April);

        Assert.Equal(morning, note.VisibleToPartnerFrom);
    }

    [Fact]
    public void TheAuthorsWordsCanBeTakenBackAndOnlyTheirs()
    {
        var goal = SundayWalks();

        Assert.False(goal.RemoveWordsOf("alex"));
        Assert.True(goal.RemoveWordsOf("sam"));

        Assert.Equal((Goal.RemovedName, (string?)null), (goal.Name, goal.Why));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void AGoalNeedsANameButItsWhyIsOptional(string blank)
    {
        Assert.False(GoalName.TryParse(blank, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.True(GoalWhy.TryParseOptional(blank, out var why, out _));
        Assert.Null(why);
    }

    [Fact]
    public void ALongNameIsRefusedWithItsLength()
    {
        Assert.False(GoalName.TryParse(new string('a', GoalName.MaxLength + 1), out _, out var problem));
        Assert.Contains("121", problem, StringComparison.Ordinal);
    }
}
