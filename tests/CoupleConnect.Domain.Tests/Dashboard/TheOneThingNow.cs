using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Dashboard;

namespace CoupleConnect.Domain.Tests.Dashboard;

/// <summary>
/// What the couple's home page puts first. New York springs forward on 8 March 2026 (EDT, UTC-4, from then) and falls
/// back on 1 November 2026 (EST, UTC-5); the evening is always the writer's own wall clock.
/// </summary>
public class TheOneThingNow
{
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");
    private static readonly TimeZoneId Tokyo = TimeZoneId.Parse("Asia/Tokyo");

    private static readonly DateTimeOffset BerlinMorning = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero); // 09:00 in Berlin
    private static readonly DateTimeOffset BerlinEvening = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero); // 20:00 in Berlin

    private static TodayForMe Me(TimeZoneId zone, bool answered = false, bool thanked = false, RitualMoment? ritual = null) => new(zone, answered, thanked, ritual);

    [Fact]
    public void IsTodaysQuestionInTheMorningUntilYouAnswer() =>
        Assert.Equal(NowFirst.Question, OneThingNow.Choose(Me(Berlin), BerlinMorning));

    [Fact]
    public void IsNothingInTheDaytimeOnceYouAnswered() =>
        Assert.Equal(NowFirst.AllDone, OneThingNow.Choose(Me(Berlin, answered: true), BerlinMorning));

    [Fact]
    public void IsTonightsThanksInTheEveningEvenBeforeTheQuestion() =>
        Assert.Equal(NowFirst.Gratitude, OneThingNow.Choose(Me(Berlin), BerlinEvening));

    [Fact]
    public void IsTheQuestionInTheEveningOnceYouThanked() =>
        Assert.Equal(NowFirst.Question, OneThingNow.Choose(Me(Berlin, thanked: true), BerlinEvening));

    [Fact]
    public void IsNothingInTheEveningOnceYouAnsweredAndThanked() =>
        Assert.Equal(NowFirst.AllDone, OneThingNow.Choose(Me(Berlin, answered: true, thanked: true), BerlinEvening));

    [Fact]
    public void StartsTheEveningAtSixOnTheDot()
    {
        var sixInBerlin = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(NowFirst.AllDone, OneThingNow.Choose(Me(Berlin, answered: true), sixInBerlin.AddMinutes(-1)));
        Assert.Equal(NowFirst.Gratitude, OneThingNow.Choose(Me(Berlin, answered: true), sixInBerlin));
    }

    [Fact]
    public void IsTheWritersOwnEveningNotTheHomeZones()
    {
        // 20:00 in Berlin is 14:00 in New York: the New York partner's afternoon.
        Assert.Equal(NowFirst.AllDone, OneThingNow.Choose(Me(NewYork, answered: true), BerlinEvening));

        // 10:00 UTC is 11:00 in Berlin and already 19:00 in Tokyo.
        var tokyoEvening = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(NowFirst.Gratitude, OneThingNow.Choose(Me(Tokyo, answered: true), tokyoEvening));
    }

    [Fact]
    public void FollowsTheWallClockOnTheDaySummerTimeStarts()
    {
        // 22:30 UTC on 8 March 2026 is 18:30 EDT (clocks went forward that night); on winter time it would be 17:30.
        var halfPastSix = new DateTimeOffset(2026, 3, 8, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(NowFirst.Gratitude, OneThingNow.Choose(Me(NewYork, answered: true), halfPastSix));
    }

    [Fact]
    public void FollowsTheWallClockOnTheDaySummerTimeEnds()
    {
        // 22:30 UTC on 1 November 2026 is 17:30 EST (clocks went back that night); on summer time it would be 18:30.
        var halfPastFive = new DateTimeOffset(2026, 11, 1, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(NowFirst.AllDone, OneThingNow.Choose(Me(NewYork, answered: true), halfPastFive));
        Assert.Equal(NowFirst.Gratitude, OneThingNow.Choose(Me(NewYork, answered: true), halfPastFive.AddHours(1)));
    }

    [Fact]
    public void IsARitualThatStartsWithinTwoHoursBeforeAnythingElse()
    {
        var dateNight = new RitualMoment(BerlinEvening.AddHours(2), BerlinEvening.AddHours(4));

        Assert.Equal(NowFirst.Ritual, OneThingNow.Choose(Me(Berlin, ritual: dateNight), BerlinEvening));
        Assert.Equal(NowFirst.Gratitude, OneThingNow.Choose(Me(Berlin, ritual: dateNight), BerlinEvening.AddMinutes(-1)));
    }

    [Fact]
    public void IsARitualWhileItIsHappeningAndNotOnceItIsOver()
    {
        var walk = new RitualMoment(BerlinMorning.AddMinutes(-30), BerlinMorning.AddMinutes(30));

        Assert.Equal(NowFirst.Ritual, OneThingNow.Choose(Me(Berlin, answered: true, ritual: walk), BerlinMorning));
        Assert.Equal(NowFirst.AllDone, OneThingNow.Choose(Me(Berlin, answered: true, ritual: walk), BerlinMorning.AddMinutes(30)));
    }
}
