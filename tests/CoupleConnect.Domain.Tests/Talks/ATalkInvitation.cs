using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Talks;

namespace CoupleConnect.Domain.Tests.Talks;

/// <summary>Proposing, answering and beginning a talk; its time in both partners' zones; the words it accepts.</summary>
public class ATalkInvitation
{
    private const string Alex = "alex";
    private const string Sam = "sam";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANowTalkBeginsTheMomentThePartnerAccepts()
    {
        var talk = Propose(startsAt: null);

        Assert.Equal((TalkStep.Waiting, null), talk.NextMove(Now));
        talk.Accept(Sam, Now.AddMinutes(1));

        Assert.Equal(TalkStatus.Live, talk.Status);
        Assert.Equal(Now.AddMinutes(1), talk.StartedAt);
    }

    [Fact]
    public void OnlyTheInvitedPartnerAnswersAndOnlyOnce()
    {
        var talk = Propose(startsAt: null);

        Assert.Equal(TalkRule.NotYourAnswerToGive, Assert.Throws<TalkRuleException>(() => talk.Accept(Alex, Now)).Rule);
        talk.Decline(Sam, Now);
        Assert.Equal(TalkStatus.Declined, talk.Status);
        Assert.Equal(TalkRule.NotWaitingForAnAnswer, Assert.Throws<TalkRuleException>(() => talk.Accept(Sam, Now)).Rule);
    }

    [Fact]
    public void SuggestingAnotherTimeHandsTheAnswerBack()
    {
        var talk = Propose(startsAt: Now.AddHours(2));

        talk.SuggestTime(Sam, Now.AddDays(1), Now);

        Assert.Equal(Alex, talk.AwaitingAnswerFromId);
        Assert.Equal(Now.AddDays(1), talk.StartsAt);
        talk.Accept(Alex, Now);
        Assert.Equal(TalkStatus.Scheduled, talk.Status);
    }

    [Fact]
    public void AScheduledTalkBeginsFromTenMinutesBeforeItsTime()
    {
        var talk = Propose(startsAt: Now.AddHours(1));
        talk.Accept(Sam, Now);

        Assert.Equal(TalkRule.TooEarlyToBegin, Assert.Throws<TalkRuleException>(() => talk.Begin(Alex, Now.AddMinutes(49))).Rule);
        talk.Begin(Sam, Now.AddMinutes(50));
        Assert.Equal(TalkStatus.Live, talk.Status);
    }

    [Fact]
    public void LeavingBeforeItBeganCallsItOff()
    {
        var talk = Propose(startsAt: Now.AddHours(1));
        talk.Accept(Sam, Now);

        talk.End(Alex, Now.AddMinutes(5));

        Assert.Equal(TalkStatus.CalledOff, talk.Status);
        Assert.False(talk.CanBegin(Now.AddHours(1)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(0)]
    public void TheTimeBoxIsFifteenThirtyOrFortyFiveMinutes(int minutes)
    {
        var refused = Assert.Throws<TalkRuleException>(() => Talk.Propose(Guid.NewGuid(), Alex, Sam, ATalkTakesTurns.Text("Us"), minutes, null, Now));
        Assert.Equal(TalkRule.UnknownTimeBox, refused.Rule);
    }

    [Fact]
    public void ATimeMustBeAheadAndWithinSixtyDays()
    {
        Assert.Equal(TalkRule.StartTimeInThePast, Assert.Throws<TalkRuleException>(() => Propose(startsAt: Now.AddMinutes(-1))).Rule);
        Assert.Equal(TalkRule.StartTimeTooFarAhead, Assert.Throws<TalkRuleException>(() => Propose(startsAt: Now.AddDays(61))).Rule);
    }

    [Fact]
    public void TheTimeShowsInMyZoneWithThePartnersClockWhenItDiffers()
    {
        var at = new DateTimeOffset(2026, 12, 11, 19, 30, 0, TimeSpan.Zero);
        var london = TimeZoneId.Parse("Europe/London");
        var auckland = TimeZoneId.Parse("Pacific/Auckland");

        Assert.Equal("Friday 11 December, " + ClockText.Of(new TimeOnly(19, 30)), TalkTimes.Describe(at, london, london, "Sam"));
        Assert.Equal(
            $"Friday 11 December, {ClockText.Of(new TimeOnly(19, 30))} ({ClockText.Of(new TimeOnly(8, 30))} Saturday for Sam)",
            TalkTimes.Describe(at, london, auckland, "Sam"));
    }

    [Fact]
    public void ALocalTimeSkippedBySpringForwardMovesToTheNextValidMinute()
    {
        var newYork = TimeZoneId.Parse("America/New_York");

        var at = TalkTimes.At(newYork, new DateOnly(2027, 3, 14), new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("How we share\nthe evenings")]
    [InlineData("Evenings\u202E")]
    [InlineData("")]
    public void ATopicIsOneVisibleLine(string typed) => Assert.False(TalkText.TryParseTopic(typed, out _, out _));

    private static Talk Propose(DateTimeOffset? startsAt) => Talk.Propose(Guid.NewGuid(), Alex, Sam, ATalkTakesTurns.Text("How we share the evenings"), 30, startsAt, Now);
}
