using CoupleConnect.Domain.Goals;

namespace CoupleConnect.Domain.Tests.Goals;

public class CheckInRhythmTests
{
    private static readonly DateOnly LastCheckIn = new(2027, 1, 31);

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(30, true)]
    public void AWeeklyGoalIsDueAWeekAfterItsLastCheckIn(int daysLater, bool due)
    {
        Assert.Equal(due, CheckInRhythm.IsDue(GoalRhythm.Weekly, LastCheckIn, LastCheckIn.AddDays(daysLater)));
    }

    [Fact]
    public void AMonthlyGoalIsDueACalendarMonthLaterEvenAcrossAShortMonth()
    {
        // 31 January + one month is 28 February (2027 is not a leap year).
        Assert.Equal(new DateOnly(2027, 2, 28), CheckInRhythm.DueOn(GoalRhythm.Monthly, LastCheckIn));
        Assert.False(CheckInRhythm.IsDue(GoalRhythm.Monthly, LastCheckIn, new DateOnly(2027, 2, 27)));
        Assert.True(CheckInRhythm.IsDue(GoalRhythm.Monthly, LastCheckIn, new DateOnly(2027, 2, 28)));
    }

    [Fact]
    public void AGoalWithoutARhythmIsNeverDue()
    {
        Assert.Null(CheckInRhythm.DueOn(GoalRhythm.None, LastCheckIn));
        Assert.False(CheckInRhythm.IsDue(GoalRhythm.None, LastCheckIn, LastCheckIn.AddYears(2)));
    }
}
