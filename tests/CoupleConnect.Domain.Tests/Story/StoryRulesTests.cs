using CoupleConnect.Domain.Story;

namespace CoupleConnect.Domain.Tests.Story;

public sealed class StoryRulesTests
{
    private const string Alex = "alex";
    private const string Sam = "sam";
    private static readonly Guid Couple = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void AMomentNeedsATitleAndADayButTheRoughTimeAndLinesAreOptional()
    {
        Assert.True(MomentWords.TryParse("  The night bus  ", new DateOnly(2019, 7, 1), "   ", null, hardTime: false, Today, out var words, out _));
        Assert.Equal(("The night bus", (string?)null, (string?)null), (words!.Title, words.RoughTime, words.Text));

        Assert.False(MomentWords.TryParse(" ", new DateOnly(2019, 7, 1), null, null, false, Today, out _, out var noTitle));
        Assert.Contains("title", noTitle, StringComparison.Ordinal);
        Assert.False(MomentWords.TryParse("The night bus", null, "summer 2019", null, false, Today, out _, out var noDay));
        Assert.Contains("best guess", noDay, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDayMayLookAheadTenYearsForWhatWereBuildingNextButNoFurther()
    {
        Assert.True(MomentWords.TryParse("Our garden", Today.AddYears(MomentWords.YearsAhead), null, null, false, Today, out _, out _));
        Assert.False(MomentWords.TryParse("Our garden", Today.AddYears(MomentWords.YearsAhead).AddDays(1), null, null, false, Today, out _, out var tooFar));
        Assert.False(MomentWords.TryParse("Long ago", MomentWords.EarliestDay.AddDays(-1), null, null, false, Today, out _, out _));
        Assert.Contains("2036", tooFar, StringComparison.Ordinal);
    }

    [Fact]
    public void EachFieldHasItsOwnLimitAndSaysWhichOneIsTooLong()
    {
        var day = new DateOnly(2020, 1, 1);
        Assert.False(MomentWords.TryParse(new string('a', MomentWords.TitleMaxLength + 1), day, null, null, false, Today, out _, out var title));
        Assert.False(MomentWords.TryParse("Fine", day, new string('a', MomentWords.RoughTimeMaxLength + 1), null, false, Today, out _, out var rough));
        Assert.False(MomentWords.TryParse("Fine", day, null, new string('a', MomentWords.TextMaxLength + 1), false, Today, out _, out var text));
        Assert.False(SideText.TryParse(new string('a', SideText.MaxLength + 1), out _, out var side));
        Assert.Contains("title", title, StringComparison.Ordinal);
        Assert.Contains("rough time", rough, StringComparison.Ordinal);
        Assert.Contains("few lines", text, StringComparison.Ordinal);
        Assert.Contains("side of the story", side, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheAuthorChangesAMoment()
    {
        var moment = Write(Alex);

        moment.Change(Alex, Words("The night bus home", "summer 2019"), Now.AddHours(1));

        Assert.Equal(("The night bus home", "summer 2019"), (moment.Title, moment.RoughTime));
        var refused = Assert.Throws<StoryRuleException>(() => moment.Change(Sam, Words("Sam's version"), Now));
        Assert.Equal(StoryRule.NotYours, refused.Rule);
    }

    [Fact]
    public void OnlyThePartnerWhoDidNotWriteTheMomentAddsTheirSide()
    {
        var moment = Write(Alex);

        var side = StorySide.Write(moment, Sam, Side("I remember the rain."), Now, visibleToPartnerFrom: null);

        Assert.Equal((moment.Id, Sam), (side.MomentId, side.AuthorId));
        Assert.Equal(StoryRule.OwnMoment, Assert.Throws<StoryRuleException>(() => StorySide.Write(moment, Alex, Side("Mine too"), Now, null)).Rule);
        Assert.Equal(StoryRule.NotYours, Assert.Throws<StoryRuleException>(() => side.Change(moment, Alex, Side("Rewritten by Alex"), Now)).Rule);
    }

    [Fact]
    public void TakingBackAMomentWithoutASideRemovesItWhole()
    {
        var moment = Write(Alex);

        Assert.True(moment.TakeBack(Alex, partnerWroteASide: false, Now));
        Assert.Equal(StoryRule.NotYours, Assert.Throws<StoryRuleException>(() => moment.TakeBack(Sam, false, Now)).Rule);
    }

    [Fact]
    public void TakingBackAMomentThePartnerAnsweredLeavesAnEmptyPlaceForTheirSide()
    {
        var moment = Write(Alex, text: "Alex's private memory");

        Assert.False(moment.TakeBack(Alex, partnerWroteASide: true, Now));

        Assert.True(moment.IsRemoved);
        Assert.Equal((string.Empty, (string?)null, (string?)null, false), (moment.Title, moment.RoughTime, moment.Text, moment.HardTime));
        Assert.Equal(StoryRule.Removed, Assert.Throws<StoryRuleException>(() => StorySide.Write(moment, Sam, Side("More"), Now, null)).Rule);
        Assert.Equal(StoryRule.Removed, Assert.Throws<StoryRuleException>(() => moment.Change(Alex, Words("Back again"), Now)).Rule);
    }

    [Fact]
    public void ThePromptsLeanTowardTeamworkCareAndPurposeAndOnlyTheHardTimeOneTicksIt()
    {
        Assert.Contains(StoryPrompts.All, prompt => prompt.Title == "A time we surprised ourselves as a team");
        Assert.Contains(StoryPrompts.All, prompt => prompt.Title == "What we're building next");
        Assert.Equal("hard", Assert.Single(StoryPrompts.All, prompt => prompt.HardTime).Key);
        Assert.Equal(StoryPrompts.All.Count, StoryPrompts.All.Select(prompt => prompt.Key).Distinct().Count());
    }

    private static StoryMoment Write(string author, string? text = null) =>
        StoryMoment.Write(Couple, author, Words("The night bus", text: text), Now, visibleToPartnerFrom: null);

    private static MomentWords Words(string title, string? rough = null, string? text = null) =>
        MomentWords.TryParse(title, new DateOnly(2019, 7, 1), rough, text, hardTime: false, Today, out var words, out var problem) ? words! : throw new InvalidOperationException(problem);

    private static SideText Side(string text) => SideText.TryParse(text, out var side, out var problem) ? side! : throw new InvalidOperationException(problem);
}
