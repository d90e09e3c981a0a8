using System.Globalization;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using static CoupleConnect.Domain.Tests.CheckIns.Asking;

namespace CoupleConnect.Domain.Tests.CheckIns;

/// <summary>The day's question belongs to the couple's home time zone, whatever clock each partner's phone shows.</summary>
public class TheCouplesLocalDayAcrossDaylightSavingChanges
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");

    // Europe/Berlin springs forward on 2026-03-29 at 01:00 UTC (02:00 CET -> 03:00 CEST): that day has 23 hours.
    [Theory]
    [InlineData("2026-03-28T22:50:00Z", "2026-03-28")] // 23:50 CET
    [InlineData("2026-03-28T23:10:00Z", "2026-03-29")] // 00:10 CET, still the 28th in UTC
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29")] // 01:59 CET, just before the change
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST, just after
    [InlineData("2026-03-29T21:30:00Z", "2026-03-29")] // 23:30 CEST
    [InlineData("2026-03-29T22:10:00Z", "2026-03-30")] // 00:10 CEST: with the winter offset it would still be 23:10 on the 29th
    [InlineData("2026-03-30T00:10:00Z", "2026-03-30")] // 02:10 CEST
    public void ABerlinCouplesDayFollowsSpringForward(string instant, string coupleDay)
    {
        Assert.Equal(Day(coupleDay), Berlin.LocalDate(Instant(instant)));
    }

    // America/New_York falls back on 2026-11-01 at 06:00 UTC (02:00 EDT -> 01:00 EST): that day has 25 hours.
    [Theory]
    [InlineData("2026-11-01T03:30:00Z", "2026-10-31")] // 23:30 EDT
    [InlineData("2026-11-01T04:10:00Z", "2026-11-01")] // 00:10 EDT
    [InlineData("2026-11-01T05:30:00Z", "2026-11-01")] // the first 01:30 (EDT)
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01")] // the second 01:30 (EST)
    [InlineData("2026-11-02T00:10:00Z", "2026-11-01")] // 19:10 EST, already the 2nd in UTC
    [InlineData("2026-11-02T04:30:00Z", "2026-11-01")] // 23:30 EST: with the summer offset it would be 00:30 on the 2nd
    [InlineData("2026-11-02T05:10:00Z", "2026-11-02")] // 00:10 EST
    public void ANewYorkCouplesDayFollowsFallBack(string instant, string coupleDay)
    {
        Assert.Equal(Day(coupleDay), NewYork.LocalDate(Instant(instant)));
    }

    [Fact]
    public void PartnersOpeningEitherSideOfUtcMidnightOnTheFallBackDayGetTheSameQuestion()
    {
        // A New York couple. Alex opens the app at 23:30 EST on 1 November; Sam, travelling in Berlin, opened it
        // at 00:10 UTC on 2 November (01:10 in Berlin). Both moments are still 1 November at home.
        var samOpens = Instant("2026-11-02T00:10:00Z");
        var alexOpens = Instant("2026-11-02T04:30:00Z");
        Assert.Equal(new DateOnly(2026, 11, 2), Berlin.LocalDate(samOpens));
        Assert.Equal(new DateOnly(2026, 11, 2), DateOnly.FromDateTime(alexOpens.UtcDateTime));

        var samsDay = NewYork.LocalDate(samOpens);
        var alexsDay = NewYork.LocalDate(alexOpens);

        Assert.Equal(new DateOnly(2026, 11, 1), samsDay);
        Assert.Equal(samsDay, alexsDay);
        Assert.Equal(QuestionOn(samsDay), QuestionOn(alexsDay));
    }

    [Fact]
    public void PartnersOpeningAtEitherOneThirtyOnTheFallBackNightGetTheSameQuestion()
    {
        var clock = new FakeTimeProvider(Instant("2026-11-01T05:30:00Z")); // 01:30 EDT
        var firstOneThirty = NewYork.LocalDate(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1)); // 01:30 EST, the clocks went back
        var secondOneThirty = NewYork.LocalDate(clock.GetUtcNow());

        Assert.Equal(new DateOnly(2026, 11, 1), firstOneThirty);
        Assert.Equal(firstOneThirty, secondOneThirty);
        Assert.Equal(QuestionOn(firstOneThirty), QuestionOn(secondOneThirty));
    }

    [Fact]
    public void PartnersOpeningOnTheShortSpringForwardDayGetTheSameQuestion()
    {
        // A Berlin couple. Sam, in New York, opens at 19:10 EDT on 28 March; it is already 00:10 on the 29th in Berlin.
        // Alex opens in Berlin at 23:30 CEST that evening, 22 hours and 20 minutes later but on the same 23-hour day.
        var clock = new FakeTimeProvider(Instant("2026-03-28T23:10:00Z"));
        var samOpens = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(20));
        var alexOpens = clock.GetUtcNow();
        Assert.Equal(new DateOnly(2026, 3, 28), NewYork.LocalDate(samOpens));

        Assert.Equal(new DateOnly(2026, 3, 29), Berlin.LocalDate(samOpens));
        Assert.Equal(new DateOnly(2026, 3, 29), Berlin.LocalDate(alexOpens));
        Assert.Equal(QuestionOn(Berlin.LocalDate(samOpens)), QuestionOn(Berlin.LocalDate(alexOpens)));
    }

    [Fact]
    public void FortyMinutesAfterAlexSamIsOnTheNextCoupleDayInSummerTime()
    {
        // 23:30 CEST on the 29th, then 00:10 CEST on the 30th: only 40 minutes apart but on different days.
        var clock = new FakeTimeProvider(Instant("2026-03-29T21:30:00Z"));
        var alexsDay = Berlin.LocalDate(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(40));
        var samsDay = Berlin.LocalDate(clock.GetUtcNow());

        Assert.Equal(new DateOnly(2026, 3, 29), alexsDay);
        Assert.Equal(new DateOnly(2026, 3, 30), samsDay);
    }

    [Fact]
    public void TheAnswerWindowClosesAtTheCouplesMidnightOnTheLongFallBackDay()
    {
        // The question of 26 October is open through 1 November, a 25-hour day that ends at 05:00 UTC on the 2nd.
        var question = DailyQuestion.For(CoupleId, new DateOnly(2026, 10, 26), QuestionId, Instant("2026-10-26T12:00:00Z"));
        var clock = new FakeTimeProvider(Instant("2026-11-02T04:59:00Z")); // 23:59 EST on the 1st

        question.Answer(Alex, Answer("Just in time."), NewYork.LocalDate(clock.GetUtcNow()), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(2)); // 00:01 EST on the 2nd

        var refusal = Assert.Throws<CheckInRuleException>(
            () => question.Answer(Sam, Answer("A minute late."), NewYork.LocalDate(clock.GetUtcNow()), clock.GetUtcNow()));
        Assert.Equal(CheckInRule.OutsideAnswerWindow, refusal.Rule);
        Assert.Single(question.Answers);
    }

    private static Question QuestionOn(DateOnly day) =>
        QuestionSelector.Choose(Bank, [], DepthPreference.Mixed, new DateOnly(2025, 1, 1), day, CoupleId);

    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly Day(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);
}
