using CoupleConnect.Domain.TimeOuts;

namespace CoupleConnect.Domain.Tests.TimeOuts;

public class ATimeOutsReturnTime
{
    private static readonly DateTimeOffset CalledAt = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(24 * 60)]
    public void IsAcceptedFromTwentyMinutesToTwentyFourHoursAfterTheCall(int minutes)
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddMinutes(minutes));

        Assert.Equal(CalledAt.AddMinutes(minutes), timeOut.ReturnAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(-30)]
    public void IsRefusedWhenItLeavesLessThanTwentyMinutesToCalmDown(int minutes)
    {
        var refused = Assert.Throws<TimeOutRuleException>(() => TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddMinutes(minutes)));

        Assert.Contains("at least 20 minutes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsRefusedAMinuteBeyondTwentyFourHours()
    {
        var refused = Assert.Throws<TimeOutRuleException>(() => TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(24).AddMinutes(1)));

        Assert.Contains("at most 24 hours", refused.Message, StringComparison.Ordinal);
    }
}

public class ExtendingATimeOut
{
    private static readonly DateTimeOffset CalledAt = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MovesTheReturnTimeLaterOnce()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(1));

        timeOut.Extend(CalledAt.AddHours(3), CalledAt.AddMinutes(30));

        Assert.Equal(CalledAt.AddHours(3), timeOut.ReturnAt);
        Assert.True(timeOut.Extended);
        Assert.False(timeOut.CanExtendAt(CalledAt.AddMinutes(31)));
        var again = Assert.Throws<TimeOutRuleException>(() => timeOut.Extend(CalledAt.AddHours(4), CalledAt.AddMinutes(40)));
        Assert.Contains("already extended once", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaysWithinTwentyFourHoursOfTheCallNotOfTheExtension()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(20));

        var refused = Assert.Throws<TimeOutRuleException>(() => timeOut.Extend(CalledAt.AddHours(25), CalledAt.AddHours(19)));

        Assert.Contains("at most 24 hours", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CalledAt.AddHours(20), timeOut.ReturnAt);
        Assert.False(timeOut.Extended);
        timeOut.Extend(CalledAt.AddHours(24), CalledAt.AddHours(19));
        Assert.Equal(CalledAt.AddHours(24), timeOut.ReturnAt);
    }

    [Fact]
    public void IsRefusedToAnEarlierTimeOrAfterItEnded()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(2));

        Assert.Throws<TimeOutRuleException>(() => timeOut.Extend(CalledAt.AddHours(1), CalledAt.AddMinutes(30)));
        Assert.Throws<TimeOutRuleException>(() => timeOut.Extend(CalledAt.AddHours(5), CalledAt.AddHours(2)));
        Assert.False(timeOut.CanExtendAt(CalledAt.AddHours(2)));
    }
}

public class EndingATimeOutAndComingBack
{
    private static readonly DateTimeOffset CalledAt = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EndingEarlyEndsThePauseForBothAtOnce()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(2));

        timeOut.EndEarly(CalledAt.AddMinutes(25));

        Assert.Equal(CalledAt.AddMinutes(25), timeOut.EndsAt);
        Assert.Equal(TimeOutPhase.Over, timeOut.PhaseAt(CalledAt.AddMinutes(25)));
        Assert.Throws<TimeOutRuleException>(() => timeOut.EndEarly(CalledAt.AddMinutes(26)));
    }

    [Fact]
    public void NobodyCanSayReadyWhileItRuns()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(1));

        Assert.Throws<TimeOutRuleException>(() => timeOut.MarkReady("sam", CalledAt.AddMinutes(59)));
    }

    [Fact]
    public void SuggestsATalkOnlyOnceBothAreReady()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(1));
        var after = CalledAt.AddHours(1);

        timeOut.MarkReady("sam", after);
        Assert.Equal(TimeOutPhase.Over, timeOut.PhaseAt(after));
        Assert.True(timeOut.IsReady("sam"));
        Assert.False(timeOut.IsReady("alex"));

        timeOut.MarkReady("alex", after.AddMinutes(5));
        Assert.Equal(TimeOutPhase.BothReady, timeOut.PhaseAt(after.AddMinutes(5)));
    }

    [Fact]
    public void StaysOnThePageForADayAfterItEndsThenIsHistory()
    {
        var timeOut = TimeOut.Call(Guid.NewGuid(), "alex", CalledAt, CalledAt.AddHours(1));

        Assert.True(timeOut.IsCurrentAt(CalledAt.AddHours(24)));
        Assert.False(timeOut.IsCurrentAt(CalledAt.AddHours(25)));
    }
}

public class TheTimeOutHistory
{
    [Fact]
    public void CountsTheCouplesTimeOutsPerMonthNewestFirst()
    {
        var months = TimeOutHistory.ByMonth([new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)]);

        Assert.Equal([new TimeOutMonth(2026, 12, 1), new TimeOutMonth(2026, 11, 2)], months);
    }
}
