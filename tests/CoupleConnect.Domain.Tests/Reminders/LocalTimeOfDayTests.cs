using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Tests.Reminders;

public class AReminderTimeTypedByAPerson
{
    [Theory]
    [InlineData("08:00", 8, 0)]
    [InlineData("8:00", 8, 0)]
    [InlineData(" 21:30 ", 21, 30)]
    [InlineData("00:00", 0, 0)]
    [InlineData("23:59", 23, 59)]
    [InlineData("08:15:00", 8, 15)]
    public void IsAcceptedAsATwentyFourHourTimeOfDay(string text, int hour, int minute)
    {
        Assert.True(LocalTimeOfDay.TryParse(text, out var time, out var problem));

        Assert.Null(problem);
        Assert.Equal(new TimeOnly(hour, minute), time!.Value);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("7")]
    [InlineData("08:60")]
    [InlineData("eight")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("08:00:30")]
    [InlineData("8am")]
    [InlineData("-1:00")]
    public void IsRefusedWhenItIsNotATimeOfDay(string? text)
    {
        Assert.False(LocalTimeOfDay.TryParse(text, out var time, out var problem));

        Assert.Null(time);
        Assert.Equal("Please enter a time of day like 08:00 or 21:30.", problem);
    }

    [Theory]
    [InlineData("8:05", "08:05")]
    [InlineData(" 21:30 ", "21:30")]
    [InlineData("0:00", "00:00")]
    public void ReadsBackAsHoursAndMinutesWithLeadingZeros(string text, string shown)
    {
        Assert.True(LocalTimeOfDay.TryParse(text, out var time, out _));

        Assert.Equal(shown, time!.ToString());
    }

    [Fact]
    public void EqualsTheSameTimeHoweverItWasTyped()
    {
        Assert.True(LocalTimeOfDay.TryParse("8:00", out var typedShort, out _));
        Assert.True(LocalTimeOfDay.TryParse("08:00", out var padded, out _));

        Assert.Equal(padded, typedShort);
        Assert.Equal(LocalTimeOfDay.MorningDefault, padded);
    }
}

public class AReminderTimeFromAClock
{
    [Fact]
    public void DropsSecondsAndFractions()
    {
        var time = LocalTimeOfDay.From(new TimeOnly(7, 5, 59, 999));

        Assert.Equal(new TimeOnly(7, 5), time.Value);
        Assert.Equal("07:05", time.ToString());
        Assert.Equal(LocalTimeOfDay.From(new TimeOnly(7, 5)), time);
    }

    [Fact]
    public void DefaultsToEightInTheMorningAndNineInTheEvening()
    {
        Assert.Equal("08:00", LocalTimeOfDay.MorningDefault.ToString());
        Assert.Equal("21:00", LocalTimeOfDay.EveningDefault.ToString());
        Assert.Equal(new TimeOnly(8, 0), LocalTimeOfDay.MorningDefault.Value);
        Assert.Equal(new TimeOnly(21, 0), LocalTimeOfDay.EveningDefault.Value);
    }
}
