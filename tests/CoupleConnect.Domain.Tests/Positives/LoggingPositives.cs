using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Domain.Tests.Positives;

public class APositive
{
    private static readonly Guid Couple = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    private static PositiveNote Note(string text)
    {
        Assert.True(PositiveNote.TryParse(text, "note", out var note, out var problem), problem);
        return note!;
    }

    [Fact]
    public void IsLoggedAboutThePartnerWithKindNoteAndDay()
    {
        var positive = Positive.Log(Couple, "sam", "alex", PositiveKind.Help, Note("Carried the shopping"), Today.AddDays(-2), Today, Now);

        Assert.Equal(("sam", "alex", PositiveKind.Help, "Carried the shopping", Today.AddDays(-2)), (positive.AuthorId, positive.AboutId, positive.Kind, positive.Note, positive.Day));
        Assert.False(positive.IsEveningGratitude);
        Assert.False(positive.IsAcknowledged);
    }

    [Fact]
    public void NeedsNoNote() =>
        Assert.Null(Positive.Log(Couple, "sam", "alex", PositiveKind.Affection, null, Today, Today, Now).Note);

    [Fact]
    public void CannotBeForADayThatHasNotCome() =>
        Assert.Equal(PositiveRule.DayInTheFuture, Assert.Throws<PositiveRuleException>(() => Positive.Log(Couple, "sam", "alex", PositiveKind.Help, null, Today.AddDays(1), Today, Now)).Rule);

    [Fact]
    public void CanBeUpToThirtyDaysBackButNotThirtyOne()
    {
        Assert.Equal(Today.AddDays(-30), Positive.Log(Couple, "sam", "alex", PositiveKind.Help, null, Today.AddDays(-30), Today, Now).Day);
        Assert.Equal(PositiveRule.DayTooLongAgo, Assert.Throws<PositiveRuleException>(() => Positive.Log(Couple, "sam", "alex", PositiveKind.Help, null, Today.AddDays(-31), Today, Now)).Rule);
    }

    [Fact]
    public void MustBeAKindFromTheList() =>
        Assert.Equal(PositiveRule.UnknownKind, Assert.Throws<PositiveRuleException>(() => Positive.Log(Couple, "sam", "alex", (PositiveKind)99, null, Today, Today, Now)).Rule);

    [Fact]
    public void OfEveningGratitudeIsAGratitudePositiveForToday()
    {
        var entry = Positive.Gratitude(Couple, "sam", "alex", Note("You listened"), Today, Now);

        Assert.Equal((PositiveKind.Gratitude, Today, true, "You listened"), (entry.Kind, entry.Day, entry.IsEveningGratitude, entry.Note));
    }

    [Fact]
    public void FromAHeartIsAffectionSentTodayAndRemembersWhichQuestionItWasFor()
    {
        var heart = Positive.Heart(Couple, "sam", "alex", Today.AddDays(-3), Today, Now);

        Assert.Equal((PositiveKind.Affection, Today, (DateOnly?)Today.AddDays(-3), true, (string?)null), (heart.Kind, heart.Day, heart.HeartOnQuestionOf, heart.IsHeart, heart.Note));
        Assert.False(Positive.Log(Couple, "sam", "alex", PositiveKind.Affection, null, Today, Today, Now).IsHeart);
    }

    [Fact]
    public void IsAcknowledgedOnlyByThePartnerItIsAbout()
    {
        var positive = Positive.Log(Couple, "sam", "alex", PositiveKind.KindWord, null, Today, Today, Now);

        Assert.Equal(PositiveRule.OwnEntry, Assert.Throws<PositiveRuleException>(() => positive.Acknowledge("sam", Now)).Rule);
        Assert.Equal(PositiveRule.NotAboutYou, Assert.Throws<PositiveRuleException>(() => positive.Acknowledge("stranger", Now)).Rule);
        Assert.False(positive.IsAcknowledged);

        positive.Acknowledge("alex", Now);
        positive.Acknowledge("alex", Now.AddHours(1));

        Assert.Equal(Now, positive.AcknowledgedAt);
    }
}

public class APositiveNote
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200B")]
    public void IsRequiredForGratitude(string text)
    {
        Assert.False(PositiveNote.TryParse(text, "note", out var note, out var problem));
        Assert.Null(note);
        Assert.Equal("Please write your note first.", problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MayBeLeftOutOfAPositive(string? text)
    {
        Assert.True(PositiveNote.TryParseOptional(text, "note", out var note, out var problem));
        Assert.Null(note);
        Assert.Null(problem);
    }

    [Fact]
    public void KeepsMarkupAsTypedBecauseEveryPageShowsItAsText()
    {
        Assert.True(PositiveNote.TryParse("<script>alert(1)</script>", "note", out var note, out _));
        Assert.Equal("<script>alert(1)</script>", note!.Value);
    }

    [Fact]
    public void IsAtMostFiveHundredCharacters()
    {
        Assert.True(PositiveNote.TryParse(new string('a', 500), "note", out _, out _));
        Assert.False(PositiveNote.TryParseOptional(new string('a', 501), "note", out var note, out var problem));
        Assert.Null(note);
        Assert.Contains("500", problem, StringComparison.Ordinal);
    }
}
