using CoupleConnect.Domain.Needs;

namespace CoupleConnect.Domain.Tests.Needs;

public class NeedRulesTests
{
    private static readonly Guid Couple = Guid.NewGuid();
    private static readonly DateTimeOffset March = new(2027, 3, 7, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2027, 4, 2, 9, 0, 0, TimeSpan.Zero);

    private static NeedText Text(string value)
    {
        Assert.True(NeedText.TryParse(value, out var text, out var problem), problem);
        return text!;
    }

    private static Need SamsNeed() => Need.Write(Couple, "sam", Text("I feel close when we walk after dinner"), 0, March);

    [Fact]
    public void ANewNeedIsOnTheListAndNotYetTried()
    {
        var need = SamsNeed();

        Assert.Equal(("sam", "I feel close when we walk after dinner", March, March), (need.AuthorId, need.Text, need.CreatedAt, need.WrittenAt));
        Assert.True(need.IsOnList);
        Assert.False(need.IsBeingTried);
    }

    [Fact]
    public void TheListHoldsEightNeedsAtMost()
    {
        Assert.NotNull(Need.Write(Couple, "sam", Text("One more"), Need.MaxOnList - 1, March));
        Assert.Equal(NeedRule.ListFull, Assert.Throws<NeedRuleException>(() => Need.Write(Couple, "sam", Text("One too many"), Need.MaxOnList, March)).Rule);
    }

    [Fact]
    public void RevisingKeepsTheOldWordsWithWhenTheyWereWrittenAndReplaced()
    {
        var need = SamsNeed();

        var old = need.Revise("sam", Text("I feel close when we walk on Sundays"), April);

        Assert.NotNull(old);
        Assert.Equal(("I feel close when we walk after dinner", March, April, NeedChange.Revised, need.Id), (old.Text, old.WrittenAt, old.EndedAt, old.Change, old.NeedId));
        Assert.Equal(("I feel close when we walk on Sundays", April), (need.Text, need.WrittenAt));
    }

    [Fact]
    public void RevisingToTheSameWordsAddsNoHistory() =>
        Assert.Null(SamsNeed().Revise("sam", Text("I feel close when we walk after dinner"), April));

    [Fact]
    public void OnlyTheAuthorRevisesTakesOffOrDeletes()
    {
        var need = SamsNeed();

        Assert.Equal(NeedRule.NotYours, Assert.Throws<NeedRuleException>(() => need.Revise("alex", Text("Changed by Alex"), April)).Rule);
        Assert.Equal(NeedRule.NotYours, Assert.Throws<NeedRuleException>(() => need.TakeOff("alex", April)).Rule);
        Assert.Equal(NeedRule.NotYours, Assert.Throws<NeedRuleException>(() => need.EnsureAuthor("alex")).Rule);
        Assert.Equal("I feel close when we walk after dinner", need.Text);
        Assert.True(need.IsOnList);
    }

    [Fact]
    public void TakingOffKeepsTheWordsInTheHistoryAndEndsTrying()
    {
        var need = SamsNeed();
        need.StartTrying("alex", March);

        var last = need.TakeOff("sam", April);

        Assert.Equal((NeedChange.TakenOff, "I feel close when we walk after dinner", April), (last!.Change, last.Text, last.EndedAt));
        Assert.False(need.IsOnList);
        Assert.False(need.IsBeingTried);
        Assert.Equal("I feel close when we walk after dinner", need.Text);
        Assert.Null(need.TakeOff("sam", April.AddDays(1)));
    }

    [Fact]
    public void ANeedOffTheListCanNeitherBeRevisedNorTried()
    {
        var need = SamsNeed();
        need.TakeOff("sam", April);

        Assert.Equal(NeedRule.TakenOff, Assert.Throws<NeedRuleException>(() => need.Revise("sam", Text("New words"), April)).Rule);
        Assert.Equal(NeedRule.TakenOff, Assert.Throws<NeedRuleException>(() => need.StartTrying("alex", April)).Rule);
    }

    [Fact]
    public void OnlyThePartnerTriesItAndSayingSoTwiceKeepsTheFirstDay()
    {
        var need = SamsNeed();

        Assert.Equal(NeedRule.OwnNeed, Assert.Throws<NeedRuleException>(() => need.StartTrying("sam", March)).Rule);
        need.StartTrying("alex", March);
        need.StartTrying("alex", April);

        Assert.Equal(March, need.TryingSince);
        need.StopTrying("alex");
        Assert.False(need.IsBeingTried);
    }

    [Fact]
    public void TryingCarriesOnThroughARevision()
    {
        var need = SamsNeed();
        need.StartTrying("alex", March);

        need.Revise("sam", Text("I feel close when we walk, even briefly"), April);

        Assert.Equal(March, need.TryingSince);
    }

    [Theory]
    [InlineData("", "Please write your need first.")]
    [InlineData(" \u200B ", "Please write your need first.")]
    public void ABlankNeedIsRefused(string text, string problem)
    {
        Assert.False(NeedText.TryParse(text, out _, out var refused));
        Assert.Equal(problem, refused);
    }

    [Fact]
    public void ANeedLongerThan280CharactersIsRefusedAnd280IsFine()
    {
        Assert.True(NeedText.TryParse(new string('a', NeedText.MaxLength), out _, out _));
        Assert.False(NeedText.TryParse(new string('a', NeedText.MaxLength + 1), out _, out var problem));
        Assert.Contains("280", problem, StringComparison.Ordinal);
    }
}
