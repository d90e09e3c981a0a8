using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Tests.Common;

/// <summary>Issue 15, item 11: one clock per person, the locale's own, and one form for the time inputs' values.</summary>
public class ATimeOfDayShownToAPerson
{
    [Theory]
    [InlineData("en-GB", 19, 30, "19:30")]
    [InlineData("en-GB", 7, 5, "07:05")]
    [InlineData("en-IE", 0, 0, "00:00")]
    [InlineData("en-US", 19, 30, "7:30 PM")]
    [InlineData("en-US", 7, 5, "7:05 AM")]
    [InlineData("en-AU", 0, 0, "12:00 am")]
    [InlineData("", 19, 30, "19:30")] // the invariant culture: jobs and emails without a person's locale
    public void IsWrittenInTheLocalesOwnClock(string culture, int hour, int minute, string shown) =>
        Assert.Equal(shown, ClockText.In(CultureInfo.GetCultureInfo(culture), new TimeOnly(hour, minute)));

    [Fact]
    public void FollowsThePagesCultureWhenNoneIsNamed()
    {
        using var culture = new CurrentCulture("en-US");

        Assert.Equal("9:00 PM", ClockText.Of(new TimeOnly(21, 0)));
        Assert.Equal("9:00 PM", ClockText.Of("21:00"));
        Assert.Equal("whenever", ClockText.Of("whenever"));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    public void IsCarriedByFormsAsHoursAndMinutesWhateverTheLocale(string cultureName)
    {
        using var culture = new CurrentCulture(cultureName);

        Assert.Equal("07:30", ClockText.ForInput(new TimeOnly(7, 30, 45)));
        Assert.True(ClockText.TryReadInput("7:30", out var read));
        Assert.Equal(new TimeOnly(7, 30), read);
        Assert.False(ClockText.TryReadInput("7:30 PM", out _));
    }

    [Fact]
    public void IsAskedForAgainInThePersonsOwnClock()
    {
        using var culture = new CurrentCulture("en-US");

        Assert.False(LocalTimeOfDay.TryParse("25:00", out _, out var problem));

        Assert.Equal("Please enter a time of day like 8:00 AM or 9:30 PM.", problem);
    }

    /// <summary>Sets the thread's culture for one test and puts it back.</summary>
    private sealed class CurrentCulture : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentCulture;

        public CurrentCulture(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _before;
    }
}
