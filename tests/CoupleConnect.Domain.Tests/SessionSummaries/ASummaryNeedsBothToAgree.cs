using CoupleConnect.Domain.SessionSummaries;

namespace CoupleConnect.Domain.Tests.SessionSummaries;

/// <summary>The consent rules of a therapist summary: propose, then accept, decline or withdraw; 14 days, then gone.</summary>
public sealed class ASummaryNeedsBothToAgree
{
    private const string Alex = "alex";
    private const string Sam = "sam";
    private static readonly Guid CoupleId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2027, 3, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 7);
    private static readonly EntryKey AlexsPositive = new("positive", Guid.NewGuid());
    private static readonly EntryKey SamsGain = new("temperature-gain", Guid.NewGuid());

    [Fact]
    public void AProposalWaitsForThePartnerWithOnlyTheProposersTicks()
    {
        var summary = Propose();

        Assert.Equal(SessionSummaryStatus.Proposed, summary.StatusAt(Now));
        Assert.Equal([AlexsPositive], summary.TicksOf(Alex, Now));
        Assert.Empty(summary.TicksOf(Sam, Now));
    }

    [Fact]
    public void ThePartnerAcceptsWithTheirOwnTicksAndItIsOpenForFourteenDaysThenExpires()
    {
        var summary = Propose();

        summary.Accept(Sam, [SamsGain], Now.AddHours(2));

        Assert.Equal(SessionSummaryStatus.Available, summary.StatusAt(Now.AddHours(2)));
        Assert.Equal([SamsGain], summary.TicksOf(Sam, Now.AddHours(2)));
        Assert.Equal(Now.AddHours(2) + SessionSummary.AvailableFor, summary.AvailableUntil);
        Assert.Equal(SessionSummaryStatus.Available, summary.StatusAt(Now.AddHours(2).AddDays(14).AddTicks(-1)));
        Assert.Equal(SessionSummaryStatus.Expired, summary.StatusAt(Now.AddHours(2).AddDays(14)));
        Assert.Empty(summary.TicksOf(Alex, Now.AddDays(15))); // expired: it shows nothing
    }

    [Fact]
    public void OnlyThePartnerCanAcceptOrDecline()
    {
        var summary = Propose();

        Assert.Equal(SessionSummaryRule.NotYoursToAnswer, Refused(() => summary.Accept(Alex, [], Now)));
        Assert.Equal(SessionSummaryRule.NotYoursToAnswer, Refused(() => summary.Decline(Alex, Now)));
        Assert.Equal(SessionSummaryRule.NotInThisCouple, Refused(() => summary.Accept("stranger", [], Now)));
        Assert.Equal(SessionSummaryRule.NotInThisCouple, Refused(() => summary.Withdraw("stranger", Now)));
    }

    [Fact]
    public void DecliningMakesNothingAndDropsTheProposersTicks()
    {
        var summary = Propose();

        summary.Decline(Sam, Now.AddMinutes(5));

        Assert.Equal(SessionSummaryStatus.Declined, summary.StatusAt(Now.AddMinutes(5)));
        Assert.Empty(summary.Ticks);
        Assert.Equal(SessionSummaryRule.NoLongerAvailable, Refused(() => summary.Accept(Sam, [], Now.AddMinutes(6))));
    }

    [Theory]
    [InlineData(Alex)]
    [InlineData(Sam)]
    public void EitherCanWithdrawItBeforeOrAfterItWasAcceptedAndThenItShowsNothing(string who)
    {
        var waiting = Propose();
        waiting.Withdraw(who, Now.AddMinutes(1));
        Assert.Equal(SessionSummaryStatus.Withdrawn, waiting.StatusAt(Now.AddMinutes(1)));

        var open = Propose();
        open.Accept(Sam, [SamsGain], Now.AddMinutes(1));
        open.Withdraw(who, Now.AddDays(3));

        Assert.Equal(SessionSummaryStatus.Withdrawn, open.StatusAt(Now.AddDays(3)));
        Assert.Equal(who, open.WithdrawnById);
        Assert.Empty(open.Ticks);
        Assert.Equal(SessionSummaryRule.NoLongerAvailable, Refused(() => open.ChooseEntries(Alex, [AlexsPositive], Now.AddDays(3))));
        Assert.Equal(SessionSummaryRule.NoLongerAvailable, Refused(() => open.Withdraw(Alex, Now.AddDays(3))));
    }

    [Fact]
    public void AnUnansweredProposalLapsesAfterFourteenDays()
    {
        var summary = Propose();

        Assert.Equal(SessionSummaryStatus.Expired, summary.StatusAt(Now + SessionSummary.AnswerWithin));
        Assert.Equal(SessionSummaryRule.NoLongerAvailable, Refused(() => summary.Accept(Sam, [], Now + SessionSummary.AnswerWithin)));
    }

    [Fact]
    public void AnAcceptedSummaryCannotBeAnsweredAgain()
    {
        var summary = Propose();
        summary.Accept(Sam, [], Now);

        Assert.Equal(SessionSummaryRule.NotWaitingForAnAnswer, Refused(() => summary.Decline(Sam, Now.AddMinutes(1))));
    }

    [Fact]
    public void OnlyOneSummaryIsLiveAtATimeButAnEndedOneMakesRoomForAnother()
    {
        var first = Propose();

        Assert.Equal(SessionSummaryRule.OneAtATime, Refused(() => Propose(earlier: [first])));

        first.Withdraw(Alex, Now);
        Assert.Equal(SessionSummaryStatus.Proposed, Propose(earlier: [first]).StatusAt(Now));
    }

    [Fact]
    public void ThePartnerChoosesTheirEntriesByAcceptingAndBothCanChangeTheirsOnceItIsOpen()
    {
        var summary = Propose();
        Assert.Equal(SessionSummaryRule.NotYoursToAnswer, Refused(() => summary.ChooseEntries(Sam, [SamsGain], Now)));
        summary.ChooseEntries(Alex, [], Now); // the proposer may change theirs while it waits

        summary.Accept(Sam, [SamsGain], Now);
        summary.ChooseEntries(Sam, [], Now.AddDays(1));
        summary.ChooseEntries(Alex, [AlexsPositive], Now.AddDays(1));

        Assert.Empty(summary.TicksOf(Sam, Now.AddDays(1)));
        Assert.Equal([AlexsPositive], summary.TicksOf(Alex, Now.AddDays(1)));
    }

    [Fact]
    public void AtMostThirtyEntriesEach()
    {
        var tooMany = Enumerable.Range(0, SessionSummary.MostEntriesEach + 1).Select(_ => new EntryKey("positive", Guid.NewGuid())).ToList();

        Assert.Equal(SessionSummaryRule.TooManyEntries, Refused(() => Propose(ticks: tooMany)));
        Assert.Equal(SessionSummary.MostEntriesEach, Propose(ticks: tooMany.Skip(1)).Ticks.Count);
    }

    [Theory]
    [InlineData("2027-03-08", "2027-03-07", SessionSummaryRule.RangeBackwards)]
    [InlineData("2027-03-01", "2027-03-08", SessionSummaryRule.RangeInTheFuture)]
    [InlineData("2026-09-05", "2027-03-07", SessionSummaryRule.RangeTooLong)]
    public void ARangeMustRunForwardsEndByTodayAndSpanAtMostHalfAYear(string from, string to, SessionSummaryRule refusal) =>
        Assert.Equal(refusal, Refused(() => Propose(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void HalfAYearEndingTodayIsAllowed()
    {
        var summary = Propose(Today.AddDays(-(SessionSummary.LongestRangeDays - 1)), Today);

        Assert.Equal(SessionSummary.LongestRangeDays, summary.To.DayNumber - summary.From.DayNumber + 1);
    }

    [Fact]
    public void WhenTheCoupleEndsALiveSummaryIsWithdrawn()
    {
        var summary = Propose();
        summary.Accept(Sam, [SamsGain], Now);

        summary.EndWithTheCouple(Sam, Now.AddDays(1));

        Assert.Equal(SessionSummaryStatus.Withdrawn, summary.StatusAt(Now.AddDays(1)));
        Assert.Empty(summary.Ticks);
    }

    private static SessionSummary Propose(DateOnly? from = null, DateOnly? to = null, IEnumerable<EntryKey>? ticks = null, IEnumerable<SessionSummary>? earlier = null) =>
        SessionSummary.Propose(CoupleId, Alex, Sam, from ?? Today.AddDays(-27), to ?? Today, Today, ticks ?? [AlexsPositive], earlier ?? [], Now);

    private static SessionSummaryRule Refused(Action act) => Assert.Throws<SessionSummaryRuleException>(act).Rule;
}
