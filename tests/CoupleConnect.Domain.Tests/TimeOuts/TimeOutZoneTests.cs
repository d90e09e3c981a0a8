using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.TimeOuts;

namespace CoupleConnect.Domain.Tests.TimeOuts;

public class TheQuickPicks
{
    private static readonly TimeZoneId London = TimeZoneId.Parse("Europe/London");
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");

    [Fact]
    public void TwentyMinutesAndAnHourCountFromTheCall()
    {
        var now = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddMinutes(20), TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.TwentyMinutes, now, London));
        Assert.Equal(now.AddHours(1), TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.OneHour, now, London));
    }

    [Fact]
    public void ThisEveningIsSevenInTheCallersOwnZone()
    {
        // 14:00 in London is 09:00 in New York: Sam's evening is later than Alex's.
        var now = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 19, 0, 0, TimeSpan.Zero), TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.ThisEvening, now, London));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.ThisEvening, now, NewYork));
    }

    [Theory]
    [InlineData(18, 41)]
    [InlineData(19, 0)]
    [InlineData(22, 30)]
    public void ThisEveningIsNotOfferedOnceItIsLessThanTwentyMinutesAway(int hour, int minute)
    {
        var now = new DateTimeOffset(2026, 12, 7, hour, minute, 0, TimeSpan.Zero);

        var evening = TimeOutQuickPicks.For(now, London).Single(choice => choice.Pick == TimeOutQuickPick.ThisEvening);

        Assert.False(evening.IsOffered);
        Assert.Equal("It's already evening: choose 1 hour, tomorrow morning or a time of your own.", evening.NotNow);
    }

    [Fact]
    public void ThisEveningIsOfferedAtExactlyTwentyMinutesBefore()
    {
        var now = new DateTimeOffset(2026, 12, 7, 18, 40, 0, TimeSpan.Zero);

        Assert.Equal(now.AddMinutes(20), TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.ThisEvening, now, London));
    }

    [Fact]
    public void TomorrowMorningAfterMidnightIsThisMorningsEight()
    {
        var now = new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.TomorrowMorning, now, London));
    }

    [Fact]
    public void TomorrowMorningIsNotOfferedWhenTheNextMorningIsMoreThanADayAway()
    {
        var now = new DateTimeOffset(2026, 12, 8, 7, 50, 0, TimeSpan.Zero);

        Assert.Null(TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.TomorrowMorning, now, London));
    }
}

public class ReturnTimesAcrossZonesAndDaylightSaving
{
    private static readonly TimeZoneId London = TimeZoneId.Parse("Europe/London");
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");

    [Fact]
    public void TomorrowMorningAcrossLondonsClockChangeIsEightOnTheNewClockAndFourInNewYork()
    {
        // Saturday 24 October 2026, 20:00 in London (BST). London goes back an hour that night; New York a week later.
        var now = new DateTimeOffset(2026, 10, 24, 19, 0, 0, TimeSpan.Zero);

        var back = TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.TomorrowMorning, now, London)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), back);
        Assert.Equal(TimeSpan.FromHours(13), back - now);
        Assert.Equal(new DateTime(2026, 10, 25, 8, 0, 0), TimeZoneInfo.ConvertTime(back, London.Zone).DateTime);
        Assert.Equal(new DateTime(2026, 10, 25, 4, 0, 0), TimeZoneInfo.ConvertTime(back, NewYork.Zone).DateTime);
    }

    [Fact]
    public void TheSameClockTimeTomorrowIsRefusedWhenTheClockChangeMakesItTwentyFiveHours()
    {
        var now = new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero); // 09:00 BST
        var sameTimeTomorrow = TimeOutCustomTime.ReturnAt(new DateOnly(2026, 10, 25), new TimeOnly(9, 0), London); // 09:00 GMT

        Assert.Equal(TimeSpan.FromHours(25), sameTimeTomorrow - now);
        Assert.Throws<TimeOutRuleException>(() => TimeOut.Call(Guid.NewGuid(), "alex", now, sameTimeTomorrow));
    }

    [Fact]
    public void ACustomTimeInTheHourSpringForwardSkipsMovesToTheFirstMinuteThatExists()
    {
        // New York, Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens.
        var back = TimeOutCustomTime.ReturnAt(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), back);
    }

    [Fact]
    public void ThisEveningOnSpringForwardDayIsSevenOnTheNewClock()
    {
        // New York, Sunday 8 March 2026 at 01:00 EST (06:00 UTC); the evening is 19:00 EDT (23:00 UTC), 17 hours on.
        var now = new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero);

        var back = TimeOutQuickPicks.ReturnAt(TimeOutQuickPick.ThisEvening, now, NewYork)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero), back);
        Assert.Equal(TimeSpan.FromHours(17), back - now);
    }

    [Fact]
    public void TheReturnDayOfTheReminderIsEachPartnersOwnDay()
    {
        var now = new DateTimeOffset(2026, 12, 7, 22, 30, 0, TimeSpan.Zero);
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", now, now.AddHours(1)); // 23:30 UTC

        Assert.Equal(new DateOnly(2026, 12, 7), timeOut.ReturnDayIn(London));
        Assert.Equal(new DateOnly(2026, 12, 7), timeOut.ReturnDayIn(NewYork));
        Assert.Equal(new DateOnly(2026, 12, 8), timeOut.ReturnDayIn(TimeZoneId.Parse("Asia/Tokyo")));
    }
}
