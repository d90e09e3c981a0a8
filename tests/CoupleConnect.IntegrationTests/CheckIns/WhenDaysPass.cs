using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// Days pass on a fake clock: the history pages through past questions newest first, and a question stays
/// answerable on its day and the six days after it. The clock only moves forward and is shared by the class, so
/// each test makes its own couple and reads its days from the app, never assuming an absolute date. Couples here
/// live in UTC, so moving the clock 24 hours always moves the couple's day by exactly one.
/// </summary>
public sealed class WhenDaysPass(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly string OutsideWindow = CheckInRuleException.MessageFor(CheckInRule.OutsideAnswerWindow);

    private readonly AppDriver _app = app.ClockedDriver;

    [Fact]
    public async Task HistoryShowsTenDaysPerPageNewestFirst()
    {
        const int Days = 13;
        var couple = await NewUtcCoupleAsync();
        var asked = new List<(DateOnly Day, string Question)>();
        for (var i = 0; i < Days; i++)
        {
            if (i > 0)
            {
                app.Clock.Advance(OneDay);
            }

            var today = await _app.TodaysQuestionAsync(i % 2 == 0 ? couple.Inviter : couple.Partner);
            asked.Add((today.Day, today.QuestionText));
        }

        // One question a day, on consecutive days, none repeated (the bank has far more than 13).
        Assert.Equal(Enumerable.Range(0, Days).Select(offset => asked[0].Day.AddDays(offset)), asked.Select(entry => entry.Day));
        Assert.Equal(Days, asked.Select(entry => entry.Question).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Days, (await _app.CheckInTables.DailyQuestionsAsync(couple.CoupleId)).Count);
        var newestFirst = asked.AsEnumerable().Reverse().ToList();

        await using var asAlex = _app.AsUser(couple.Inviter);
        var first = await asAlex.CheckIns.GetHistoryAsync(1);
        var second = await asAlex.CheckIns.GetHistoryAsync(2);
        var third = await asAlex.CheckIns.GetHistoryAsync(3);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotNull(third);
        Assert.Equal(CheckInService.HistoryPageSize, first.Days.Count);
        Assert.Equal((1, true), (first.Page, first.HasMore));
        Assert.Equal(newestFirst.Take(10), first.Days.Select(day => (day.Day, day.QuestionText)));
        Assert.True(first.Days[0].IsToday);
        Assert.All(first.Days.Skip(1), day => Assert.False(day.IsToday));
        Assert.Equal((2, false), (second.Page, second.HasMore));
        Assert.Equal(newestFirst.Skip(10), second.Days.Select(day => (day.Day, day.QuestionText)));
        Assert.Equal((3, false, 0), (third.Page, third.HasMore, third.Days.Count));

        // Sam's history is the same list.
        await using var asSam = _app.AsUser(couple.Partner);
        Assert.Equal(first.Days.Select(day => day.Day), (await asSam.CheckIns.GetHistoryAsync(1))!.Days.Select(day => day.Day));
        Assert.Equal(first.Days.Select(day => day.Day), (await asSam.CheckIns.GetHistoryAsync(0))!.Days.Select(day => day.Day)); // page 0 means the first
    }

    [Fact]
    public async Task ExactlyTenDaysFitOnOnePageWithNothingMore()
    {
        var couple = await NewUtcCoupleAsync();
        for (var i = 0; i < CheckInService.HistoryPageSize; i++)
        {
            if (i > 0)
            {
                app.Clock.Advance(OneDay);
            }

            await _app.TodaysQuestionAsync(couple.Inviter);
        }

        await using var asAlex = _app.AsUser(couple.Inviter);
        var only = await asAlex.CheckIns.GetHistoryAsync(1);
        Assert.Equal((10, false), (only!.Days.Count, only.HasMore));
    }

    [Fact]
    public async Task HistoryShowsBothAnswersOnlyForRevealedDays()
    {
        var couple = await NewUtcCoupleAsync();
        var revealedDay = await _app.BothAnswerTodayAsync(couple, "Alex on day one", "Sam on day one");
        app.Clock.Advance(OneDay);
        var halfDay = (await _app.AnswerTodayAsync(couple.Inviter, "Only Alex on day two")).Day;

        await using var asSam = _app.AsUser(couple.Partner);
        var history = (await asSam.CheckIns.GetHistoryAsync(1))!.Days;

        Assert.Equal([halfDay, revealedDay], history.Select(day => day.Day));
        Assert.Equal((true, null, null), (history[0].PartnerHasAnswered, history[0].MyAnswer, history[0].Revealed));
        Assert.Equal(("Sam on day one", "Alex on day one"), (history[1].MyAnswer, history[1].Revealed?.PartnerAnswer));
        Assert.DoesNotContain("Only Alex", System.Text.Json.JsonSerializer.Serialize(history), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissedDayStaysAnswerableForSevenDaysThenCloses()
    {
        var couple = await NewUtcCoupleAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var first = (await _app.TodaysQuestionAsync(alex)).Day;
        app.Clock.Advance(OneDay);
        var second = (await _app.TodaysQuestionAsync(alex)).Day;
        Assert.Equal(first.AddDays(1), second);

        // Six days after the first question: still open, and listed as a missed day.
        app.Clock.Advance(OneDay * 5);
        Assert.Equal(first.AddDays(6), (await _app.TodaysQuestionAsync(alex)).Day);
        await using (var asSam = _app.AsUser(sam))
        {
            Assert.Equal([second, first], await asSam.CheckIns.GetMissedDaysAsync());
            var firstDay = await asSam.CheckIns.GetDayAsync(first);
            Assert.True(firstDay is { IsOpen: true, IsToday: false });
        }

        await _app.AnswerAsync(alex, first, "Answered six days late");
        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.Equal([second], await asAlex.CheckIns.GetMissedDaysAsync());
        }

        // Seven days after the first question: it is closed for Sam, and Alex's answer can't be changed either.
        app.Clock.Advance(OneDay);
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);
        await using (var asSam = _app.AsUser(sam))
        {
            Assert.Equal(OutsideWindow, (await asSam.CheckIns.AnswerAsync(first, "Answered seven days late")).Error);
            Assert.Equal([first.AddDays(6), second], await asSam.CheckIns.GetMissedDaysAsync()); // yesterday's (opened by Alex) and the second
            var closed = await asSam.CheckIns.GetDayAsync(first);
            Assert.True(closed is { IsOpen: false, PartnerHasAnswered: true, Revealed: null }); // still readable, never revealed
        }

        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.Equal(OutsideWindow, (await asAlex.CheckIns.AnswerAsync(first, "Changing it now")).Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Equal("Answered six days late", (await DayAsync(alex, first)).MyAnswer);

        // The second question is six days old now: still open for both.
        await _app.AnswerAsync(sam, second, "Sam, six days later");
        await _app.AnswerAsync(alex, second, "Alex, six days later");
        Assert.Equal("Sam, six days later", (await DayAsync(alex, second)).Revealed?.PartnerAnswer);
    }

    [Fact]
    public async Task AFutureDayOrADayWithoutAQuestionIsRefusedClearly()
    {
        var couple = await NewUtcCoupleAsync();
        var first = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        app.Clock.Advance(OneDay * 3); // nobody opened the app on the two days in between
        var today = (await _app.TodaysQuestionAsync(couple.Inviter)).Day;
        Assert.Equal(first.AddDays(3), today);
        var before = await _app.CheckInTables.SnapshotAsync(couple.CoupleId);

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            Assert.Equal("That day hasn't come yet.", (await asAlex.CheckIns.AnswerAsync(today.AddDays(1), "Tomorrow's answer")).Error);
            Assert.Equal("That day hasn't come yet.", (await asAlex.CheckIns.ReflectAsync(today.AddDays(1), "Tomorrow's reflection")).Error);
            Assert.Null(await asAlex.CheckIns.GetDayAsync(today.AddDays(1))); // and looking at it doesn't create it

            Assert.Equal(CheckInService.NoQuestionThatDayMessage, (await asAlex.CheckIns.AnswerAsync(first.AddDays(1), "An answer for an unasked day")).Error);
            Assert.Null(await asAlex.CheckIns.GetDayAsync(first.AddDays(1)));

            Assert.Equal(OutsideWindow, (await asAlex.CheckIns.AnswerAsync(first.AddDays(-30), "Long ago")).Error);
            Assert.Equal(OutsideWindow, (await asAlex.CheckIns.AnswerAsync(DateOnly.MinValue, "The beginning of time")).Error);
            Assert.Equal("That day hasn't come yet.", (await asAlex.CheckIns.AnswerAsync(DateOnly.MaxValue, "The end of time")).Error);
        }

        Assert.Equal(before, await _app.CheckInTables.SnapshotAsync(couple.CoupleId));
        Assert.Equal([first, today], (await _app.CheckInTables.DailyQuestionsAsync(couple.CoupleId)).Select(row => row.Day));
    }

    private async Task<PairedCouple> NewUtcCoupleAsync() => await _app.PairNewAsync(inviterTimeZoneId: "Etc/UTC", partnerTimeZoneId: "Asia/Tokyo");

    private async Task<CheckInDay> DayAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        var model = await scope.CheckIns.GetDayAsync(day);
        Assert.NotNull(model);
        return model;
    }
}
