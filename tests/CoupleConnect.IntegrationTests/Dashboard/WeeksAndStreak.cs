using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Dashboard;

namespace CoupleConnect.IntegrationTests.Dashboard;

/// <summary>A fake clock from late November 2026 (Auckland is on daylight time, UTC+13), moved forward by the tests.</summary>
public sealed class LateNovember2026AppFixture() : FixedClockAppFixture(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));

/// <summary>
/// This week against last, twelve weeks of counts and the engagement streak, on a fake clock that only moves forward
/// and is shared by the class: each test makes its own couple and moves the clock to the local time it needs (never to
/// an absolute date). The couples' home zone is Auckland, far from UTC, so days and weeks in the wrong zone would show.
/// </summary>
public sealed class WeeksAndStreak(LateNovember2026AppFixture app) : IClassFixture<LateNovember2026AppFixture>
{
    private const string Auckland = "Pacific/Auckland";
    private static readonly TimeOnly Noon = new(12, 0);

    private readonly AppDriver _app = app.ClockedDriver;

    [Fact]
    public async Task ThisWeekAndLastWeekCountEachPartnersPositivesByTheDayTheyHappened()
    {
        var couple = await AucklandCoupleAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var today = await AdvanceToNextWednesdayNoonAsync(alex);
        var monday = today.AddDays(-2);
        var lastSunday = monday.AddDays(-1);
        var lastMonday = monday.AddDays(-7);

        // This week: Alex 2, Sam 1. Last week (Monday to Sunday): Alex 1, Sam 3. Earlier weeks: Sam 1, Alex 1.
        await _app.LogPositiveAsync(alex, PositiveKind.Help, day: today);
        await _app.LogPositiveAsync(alex, PositiveKind.Affection, day: monday);
        await _app.WriteGratitudeAsync(sam, "Tonight's thanks count as a positive too.");
        await _app.LogPositiveAsync(alex, PositiveKind.KindWord, day: lastSunday);
        await _app.LogPositiveAsync(sam, PositiveKind.Help, day: lastMonday);
        await _app.LogPositiveAsync(sam, PositiveKind.Help, day: lastMonday.AddDays(2));
        await _app.LogPositiveAsync(sam, PositiveKind.Other, day: lastSunday);
        await _app.LogPositiveAsync(sam, PositiveKind.QualityTime, day: lastMonday.AddDays(-1)); // the Sunday before: two weeks ago
        await _app.LogPositiveAsync(alex, PositiveKind.SupportiveGesture, day: today.AddDays(-Positive.MaxDaysBack));

        var alexSees = await _app.DashboardAsync(alex);
        var samSees = await _app.DashboardAsync(sam);

        Assert.Equal((monday, 2, 1), (alexSees.ThisWeek.WeekStart, alexSees.ThisWeek.Yours, alexSees.ThisWeek.Partners));
        Assert.Equal((lastMonday, 1, 3), (alexSees.LastWeek.WeekStart, alexSees.LastWeek.Yours, alexSees.LastWeek.Partners));
        Assert.Equal((1, 2), (samSees.ThisWeek.Yours, samSees.ThisWeek.Partners));
        Assert.Equal((3, 1), (samSees.LastWeek.Yours, samSees.LastWeek.Partners));

        // Twelve consecutive Monday-to-Sunday weeks ending with this one; every positive above is in one of them.
        Assert.Equal(Enumerable.Range(0, DashboardView.WeeksShown).Select(week => monday.AddDays(-7 * (DashboardView.WeeksShown - 1 - week))), alexSees.Weeks.Select(week => week.WeekStart));
        Assert.All(alexSees.Weeks, week => Assert.Equal(DayOfWeek.Monday, week.WeekStart.DayOfWeek));
        Assert.Equal((4, 5), (alexSees.Weeks.Sum(week => week.Yours), alexSees.Weeks.Sum(week => week.Partners)));
        Assert.Equal((0, 1), (alexSees.Weeks[^3].Yours, alexSees.Weeks[^3].Partners));
        var thirtyDaysBack = Assert.Single(alexSees.Weeks, week => week.Yours == 1 && week.WeekStart <= today.AddDays(-Positive.MaxDaysBack) && today.AddDays(-Positive.MaxDaysBack) < week.WeekStart.AddDays(7));
        Assert.Equal(0, thirtyDaysBack.Partners);
    }

    [Fact]
    public async Task TheTwelveWeekWindowMovesOnWithTheClockAndDropsTheOldestWeek()
    {
        var couple = await AucklandCoupleAsync();
        var today = await AdvanceToNextLocalAsync(couple.Inviter, Noon); // at noon, a daylight-saving change on the way can't move the date
        await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help, "Week one.");
        Assert.Equal(1, (await _app.DashboardAsync(couple.Inviter)).ThisWeek.Partners);

        app.Clock.Advance(TimeSpan.FromDays(7 * (DashboardView.WeeksShown - 1)));
        var elevenWeeksOn = await _app.DashboardAsync(couple.Inviter);

        Assert.Equal(today.AddDays(7 * (DashboardView.WeeksShown - 1)), elevenWeeksOn.Today);
        Assert.Equal(1, elevenWeeksOn.Weeks[0].Partners); // the oldest week shown
        Assert.Equal(1, elevenWeeksOn.Weeks.Sum(week => week.Partners));

        app.Clock.Advance(TimeSpan.FromDays(7));
        var twelveWeeksOn = await _app.DashboardAsync(couple.Inviter);

        Assert.All(twelveWeeksOn.Weeks, week => Assert.Equal((0, 0), (week.Yours, week.Partners)));
        Assert.Equal("Week one.", Assert.Single(twelveWeeksOn.Latest).Note); // still in the feed, just not in the chart
    }

    [Fact]
    public async Task ConsecutiveDaysOnWhichBothDidSomethingMakeTheStreakAndAQuietDayEndsItGently()
    {
        var couple = await AucklandCoupleAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var first = await AdvanceToNextLocalAsync(alex, Noon);

        // Day 1: Alex answers, Sam thanks. Day 2: Alex notices, Sam answers. Day 3: both notice.
        await _app.AnswerTodayAsync(alex, "Day one.");
        await _app.WriteGratitudeAsync(sam, "Day one thanks.");
        await AdvanceToNextLocalAsync(alex, Noon);
        await _app.LogPositiveAsync(alex, PositiveKind.Help);
        await _app.AnswerTodayAsync(sam, "Day two.");
        await AdvanceToNextLocalAsync(alex, Noon);
        await _app.LogPositiveAsync(alex, PositiveKind.Affection);
        Assert.Equal((2, true, false), Streak(await _app.DashboardAsync(alex))); // today doesn't count until both did something
        await _app.LogPositiveAsync(sam, PositiveKind.KindWord);

        var third = await _app.DashboardAsync(alex);
        Assert.Equal(first.AddDays(2), third.Today);
        Assert.Equal((3, true, true), Streak(third));
        Assert.Null(third.Streak.LastQuietDay); // nothing came before the run

        // Day 4: still 3 until the day ends; only Alex does something.
        await AdvanceToNextLocalAsync(alex, Noon);
        Assert.Equal((3, false, false), Streak(await _app.DashboardAsync(alex)));
        await _app.LogPositiveAsync(alex, PositiveKind.Help);
        Assert.Equal((3, true, false), Streak(await _app.DashboardAsync(alex)));
        Assert.Equal((3, false, true), Streak(await _app.DashboardAsync(sam))); // the same streak from Sam's side

        // Day 5: day 4 was quiet for Sam, so the run ended; a day on which both act starts a new one.
        await AdvanceToNextLocalAsync(alex, Noon);
        var fifth = await _app.DashboardAsync(sam);
        Assert.Equal((0, false, false), Streak(fifth));
        Assert.Equal(first.AddDays(3), fifth.Streak.LastQuietDay);
        await _app.LogPositiveAsync(sam, PositiveKind.Help);
        await _app.WriteGratitudeAsync(alex, "A new start.");
        var restarted = await _app.DashboardAsync(sam);
        Assert.Equal((1, true, true), Streak(restarted));
        Assert.Equal(first.AddDays(3), restarted.Streak.LastQuietDay);
    }

    [Fact]
    public async Task TheStreakCountsDaysInTheCouplesZoneNotInUtc()
    {
        var couple = await AucklandCoupleAsync();
        var justAfterMidnight = app.Clock.AdvanceToNextLocal(Auckland, new TimeOnly(0, 30));
        await _app.LogPositiveAsync(couple.Inviter, PositiveKind.Help);
        var justBeforeMidnight = app.Clock.AdvanceToNextLocal(Auckland, new TimeOnly(23, 30));
        await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help);

        // One Auckland day, two UTC days: a streak counted in UTC would find no day on which both did something.
        Assert.NotEqual(justAfterMidnight.UtcDateTime.Date, justBeforeMidnight.UtcDateTime.Date);
        var view = await _app.DashboardAsync(couple.Inviter);
        Assert.Equal((1, true, true), Streak(view));
    }

    [Fact]
    public async Task LoggingAPositiveForAnEarlierDayCountsAsDoingSomethingToday()
    {
        var couple = await AucklandCoupleAsync();
        var today = await AdvanceToNextLocalAsync(couple.Inviter, Noon);

        await _app.LogPositiveAsync(couple.Inviter, PositiveKind.Help, day: today.AddDays(-1));
        await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help, day: today.AddDays(-2));

        // The streak is about showing up: yesterday and the day before stay unshared, today is shared.
        var view = await _app.DashboardAsync(couple.Inviter);
        Assert.Equal((1, true, true), Streak(view));
    }

    private static (int Days, bool YouToday, bool PartnerToday) Streak(DashboardView view) =>
        (view.Streak.Days, view.Streak.YouToday, view.Streak.PartnerToday);

    /// <summary>A couple whose home zone is Auckland (the inviter's); Sam lives in Los Angeles, whose days differ.</summary>
    private Task<PairedCouple> AucklandCoupleAsync() =>
        _app.PairNewAsync(inviterTimeZoneId: Auckland, partnerTimeZoneId: "America/Los_Angeles");

    /// <summary>Moves the clock to the next <paramref name="localTime"/> in Auckland and returns that day as the dashboard sees it.</summary>
    private async Task<DateOnly> AdvanceToNextLocalAsync(TestPerson person, TimeOnly localTime)
    {
        app.Clock.AdvanceToNextLocal(Auckland, localTime);
        return (await _app.DashboardAsync(person)).Today;
    }

    private async Task<DateOnly> AdvanceToNextWednesdayNoonAsync(TestPerson person)
    {
        var today = await AdvanceToNextLocalAsync(person, Noon);
        while (today.DayOfWeek != DayOfWeek.Wednesday)
        {
            today = await AdvanceToNextLocalAsync(person, Noon);
        }

        return today;
    }
}
