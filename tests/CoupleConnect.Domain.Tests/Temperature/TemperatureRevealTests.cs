using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Temperature;

namespace CoupleConnect.Domain.Tests.Temperature;

public class TemperatureRevealTests
{
    private static readonly Guid Couple = Guid.NewGuid();
    private static readonly DateOnly Week = new(2027, 3, 1);
    private static readonly DateTimeOffset Sunday = new(2027, 3, 7, 18, 0, 0, TimeSpan.Zero);

    internal static TemperatureWords Words(int connected, string gain = "We cooked together", string wish = "A walk on Saturday")
    {
        Assert.True(TemperatureWords.TryParse(connected, gain, wish, out var words, out var problem), problem);
        return words!;
    }

    private static TemperatureAnswer Answer(string author, DateOnly week, DateTimeOffset? heldUntil = null) =>
        TemperatureAnswer.Write(Couple, author, week, Words(7), Sunday, heldUntil);

    [Fact]
    public void OneAnswerAloneIsNotRevealed()
    {
        Assert.False(TemperatureReveal.IsRevealed(Answer("alex", Week), null, Sunday));
        Assert.Empty(TemperatureReveal.RevealedWeeks([Answer("alex", Week)], Sunday));
    }

    [Fact]
    public void BothAnswersInTheSameWeekAreRevealed()
    {
        var alex = Answer("alex", Week);
        var sam = Answer("sam", Week.AddDays(3));

        Assert.True(TemperatureReveal.IsRevealed(alex, sam, Sunday));
        Assert.Equal([Week], TemperatureReveal.RevealedWeeks([alex, sam], Sunday));
    }

    [Fact]
    public void AnswersInDifferentWeeksRevealNothing()
    {
        var alex = Answer("alex", Week);
        var sam = Answer("sam", Week.AddDays(7));

        Assert.False(TemperatureReveal.IsRevealed(alex, sam, Sunday));
        Assert.Empty(TemperatureReveal.RevealedWeeks([alex, sam], Sunday));
    }

    [Fact]
    public void AnAnswerHeldByPrivateModeRevealsTheWeekOnlyFromTheMorningItReachesThePartner()
    {
        var morning = PrivateMode.PartnerSeesFrom(Sunday, TimeZoneId.Parse("Europe/Berlin"));
        var alex = Answer("alex", Week, morning);
        var sam = Answer("sam", Week);

        Assert.False(TemperatureReveal.IsRevealed(alex, sam, morning.AddMinutes(-1)));
        Assert.Empty(TemperatureReveal.RevealedWeeks([alex, sam], morning.AddMinutes(-1)));
        Assert.True(TemperatureReveal.IsRevealed(alex, sam, morning));
        Assert.Equal([Week], TemperatureReveal.RevealedWeeks([alex, sam], morning));
    }

    [Fact]
    public void TheAuthorMayChangeTheirAnswerUntilTheWeekIsRevealedAndNobodyElseMayEver()
    {
        var alex = Answer("alex", Week);

        alex.Rewrite("alex", Words(4, "A quiet evening", "More sleep"), revealed: false, Sunday.AddHours(1), null);
        Assert.Equal((4, "A quiet evening", "More sleep"), (alex.Connected, alex.Gain, alex.Wish));

        Assert.Equal(TemperatureRule.AlreadyRevealed, Assert.Throws<TemperatureRuleException>(() => alex.Rewrite("alex", Words(9), revealed: true, Sunday, null)).Rule);
        Assert.Equal(TemperatureRule.NotYours, Assert.Throws<TemperatureRuleException>(() => alex.Rewrite("sam", Words(9), revealed: false, Sunday, null)).Rule);
        Assert.Equal(TemperatureRule.NotYours, Assert.Throws<TemperatureRuleException>(() => alex.EnsureChangeable("sam", revealed: false)).Rule);
    }

    [Fact]
    public void AnAnswerIsFiledUnderTheMondayOfItsWeek()
    {
        var answer = TemperatureAnswer.Write(Couple, "alex", new DateOnly(2027, 3, 7), Words(6), Sunday, null);

        Assert.Equal(new DateOnly(2027, 3, 1), answer.WeekOf);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    [InlineData(null)]
    public void ANumberOutsideOneToTenIsRefusedPlainly(int? connected)
    {
        Assert.False(TemperatureWords.TryParse(connected, "gain", "wish", out _, out var problem));
        Assert.Equal("Please pick how connected you felt, from 1 to 10.", problem);
    }

    [Theory]
    [InlineData("", "wish", "Please write your small gain first.")]
    [InlineData("gain", "   ", "Please write your wish for next week first.")]
    [InlineData("gain\u202E", "wish", "Your small gain contains invisible direction-control characters (often pasted from elsewhere). Please remove them and try again.")]
    public void EmptyOrUnsafeWordsAreRefusedWithWhatToDo(string gain, string wish, string expected)
    {
        Assert.False(TemperatureWords.TryParse(5, gain, wish, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void WordsOverTheLimitAreRefusedNotCut()
    {
        Assert.False(TemperatureWords.TryParse(5, new string('a', TemperatureText.MaxLength + 1), "wish", out _, out var problem));
        Assert.Contains("280 characters", problem, StringComparison.Ordinal);
        Assert.True(TemperatureWords.TryParse(5, new string('a', TemperatureText.MaxLength), "wish", out _, out _));
    }
}
