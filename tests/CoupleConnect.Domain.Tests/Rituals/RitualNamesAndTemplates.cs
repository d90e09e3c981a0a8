using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Domain.Tests.Rituals;

public class ARitualName
{
    [Theory]
    [InlineData("Date night")]
    [InlineData("  Sunday walk  ")]
    [InlineData("שישי בערב")]
    public void IsAcceptedTrimmed(string typed)
    {
        Assert.True(RitualName.TryParse(typed, out var name, out var problem), problem);
        Assert.Equal(typed.Trim(), name!.Value);
    }

    [Theory]
    [InlineData("", "Please give the ritual a name")]
    [InlineData("   ", "Please give the ritual a name")]
    [InlineData("\u200B", "Please give the ritual a name")]
    [InlineData("<b>Date</b>", "A ritual name can't contain < or >.")]
    [InlineData("Date\nnight", "A ritual name can't contain line breaks")]
    public void IsRefusedWithAClearMessage(string typed, string expectedStart)
    {
        Assert.False(RitualName.TryParse(typed, out var name, out var problem));
        Assert.Null(name);
        Assert.StartsWith(expectedStart, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsAtMostEightyCharacters()
    {
        Assert.True(RitualName.TryParse(new string('a', 80), out _, out _));
        Assert.False(RitualName.TryParse(new string('a', 81), out _, out var problem));
        Assert.Contains("80", problem, StringComparison.Ordinal);
    }
}

public class TheRitualTemplates
{
    private static readonly TimeZoneId London = TimeZoneId.Parse("Europe/London");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AreTheThreeTheProductSuggests() =>
        Assert.Equal(["nightly-gratitude", "date-night", "monthly-reflection"], RitualTemplates.All.Select(template => template.Key));

    [Fact]
    public void EachMakesAValidScheduleWithUpcomingOccurrences()
    {
        foreach (var template in RitualTemplates.All)
        {
            var schedule = template.ScheduleFrom(London.LocalDate(Now), London, Now);

            Assert.NotNull(schedule.NextAfter(London, Now));
            Assert.True(template.Name.Length <= RitualName.MaxLength);
        }
    }

    [Fact]
    public void TheMonthlyReflectionIsOnTheFirstSunday()
    {
        var next = RitualTemplates.MonthlyReflection.ScheduleFrom(London.LocalDate(Now), London, Now).NextAfter(London, Now)!;

        Assert.Equal(new DateOnly(2026, 12, 6), next.Day);
    }

    [Fact]
    public void DateNightIsWeeklyOnFridayEvening()
    {
        var next = RitualTemplates.DateNight.ScheduleFrom(London.LocalDate(Now), London, Now).NextAfter(London, Now)!;

        Assert.Equal((new DateOnly(2026, 11, 27), TimeSpan.FromHours(2)), (next.Day, next.EndsUtc - next.StartsUtc));
    }
}

public class TheRitualSuggestions
{
    [Fact]
    public void LeaveOutGratitudeBeforeSleepBecauseEveningGratitudeIsBuiltIn()
    {
        var suggested = RitualSuggestions.For([]);

        Assert.Equal(["date-night", "monthly-reflection"], suggested.Select(template => template.Key));
        Assert.Contains("built in", RitualSuggestions.BuiltIn[RitualTemplates.EveningGratitude.Key], StringComparison.Ordinal);
    }

    [Fact]
    public void LeaveOutWhatTheCoupleAlreadyStartedFromATemplate()
    {
        var suggested = RitualSuggestions.For([new KeptRitual("date-night", "Friday, just us")]);

        Assert.Equal(["monthly-reflection"], suggested.Select(template => template.Key));
    }

    [Fact]
    public void LeaveOutARitualTheCoupleMadeUnderTheSameName()
    {
        var suggested = RitualSuggestions.For([new KeptRitual(null, "  our month, LOOKING back and ahead ")]);

        Assert.Equal(["date-night"], suggested.Select(template => template.Key));
    }

    [Fact]
    public void SuggestNothingToACoupleWhoKeepEveryOne() =>
        Assert.Empty(RitualSuggestions.For([new KeptRitual("date-night", "Date"), new KeptRitual("monthly-reflection", "Month")]));

    [Fact]
    public void KeepSuggestingWhatAnUnrelatedRitualDoesNotCover() =>
        Assert.Equal(2, RitualSuggestions.For([new KeptRitual(null, "Sunday walk")]).Count);
}
