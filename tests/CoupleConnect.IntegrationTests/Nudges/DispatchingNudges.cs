using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Nudges;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Nudges;

/// <summary>
/// The dispatcher turns a due schedule row into one outbox row: pending for a paired, confirmed person who wants it,
/// otherwise skipped with the reason recorded. Either way the schedule moves on to the next local day.
/// Everyone here lives in Kolkata (no daylight saving), with the question nudge at 08:00.
/// </summary>
public sealed class DispatchingNudges(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string Zone = "Asia/Kolkata";

    private static readonly LocalTimeOfDay QuestionAt = LocalTimeOfDay.MorningDefault;

    private static readonly TimeSpan OneMinuteLate = TimeSpan.FromMinutes(1);

    private DispatchTables Tables => new(app.Factory.ConnectionString);

    private NudgeDispatcher Dispatcher => app.ClockedFactory.Services.GetRequiredService<NudgeDispatcher>();

    [Fact]
    public async Task APairedConfirmedPersonsNudgeIsWrittenOnceAsPendingAndTheScheduleMovesToTomorrow()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion);

        var nudge = await DispatchQuestionNudgeAsync(couple.Inviter, OneMinuteLate);

        var day = NudgeClock.LocalDateOf(TimeZoneId.Parse(Zone), due);
        Assert.Equal((NudgeStatus.Pending, (NudgeSkipReason?)null, day, due, (DateTimeOffset?)due), (nudge.Status, nudge.SkipReason, nudge.LocalDate, nudge.DueUtc, nudge.NextAttemptUtc));
        Assert.Equal(due.AddDays(1), await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion));

        // Running again at the same instant (a second recurring run, a retry) finds nothing due and writes nothing.
        var outboxBefore = await Tables.OutboxCountAsync();
        Assert.Equal(new NudgeDispatchResult(0, 0, 0), await Dispatcher.DispatchDueAsync());
        Assert.Equal(outboxBefore, await Tables.OutboxCountAsync());
        Assert.Single(await Tables.OutboxAsync(couple.Inviter.Id));
    }

    [Fact]
    public async Task AQuestionNudgeIsSkippedWhenThePersonHasAlreadyAnsweredThatDaysQuestion()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion);
        var anHourBefore = due - TimeSpan.FromHours(1);
        if (anHourBefore > app.Clock.GetUtcNow())
        {
            app.Clock.SetUtcNow(anHourBefore);
        }

        var day = (await app.ClockedDriver.AnswerTodayAsync(couple.Inviter, "A walk by the river.")).Day;
        Assert.Equal(NudgeClock.LocalDateOf(TimeZoneId.Parse(Zone), due), day);

        var answered = await DispatchQuestionNudgeAsync(couple.Inviter, OneMinuteLate);

        AssertSkipped(NudgeSkipReason.AlreadyAnswered, answered);
        AssertPending(await QuestionNudgeOfAsync(couple.Partner));
    }

    [Fact]
    public async Task ANudgeIsSkippedForSomeoneWhoHasNoPartner()
    {
        var kim = await app.ClockedDriver.NewPersonAsync("Kim", Zone);
        await SaveQuestionRemindersAsync(kim);

        AssertSkipped(NudgeSkipReason.NotPaired, await DispatchQuestionNudgeAsync(kim, OneMinuteLate));
    }

    [Fact]
    public async Task ANudgeIsSkippedOnceTheCoupleHasEnded()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        await app.ClockedDriver.LeaveAsync(couple.Partner);

        AssertSkipped(NudgeSkipReason.NotPaired, await DispatchQuestionNudgeAsync(couple.Inviter, OneMinuteLate));
        AssertSkipped(NudgeSkipReason.NotPaired, await QuestionNudgeOfAsync(couple.Partner));
    }

    [Fact]
    public async Task ANudgeIsSkippedWhileTheAddressIsUnconfirmed()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        await Tables.MarkEmailUnconfirmedAsync(couple.Inviter.Id);

        AssertSkipped(NudgeSkipReason.EmailUnconfirmed, await DispatchQuestionNudgeAsync(couple.Inviter, OneMinuteLate));
        AssertPending(await QuestionNudgeOfAsync(couple.Partner));
    }

    [Fact]
    public async Task ANudgeIsSkippedWhenItIsTurnedOffEvenIfItsScheduleRowRemainedAndTheRowIsRemoved()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        await Tables.TurnQuestionNudgeOffBehindTheSchedulesBackAsync(couple.Inviter.Id);

        AssertSkipped(NudgeSkipReason.TurnedOff, await DispatchQuestionNudgeAsync(couple.Inviter, OneMinuteLate));
        AssertPending(await QuestionNudgeOfAsync(couple.Partner));
        var schedules = await Tables.SchedulesAsync();
        Assert.False(schedules.ContainsKey((couple.Inviter.Id, NudgeKind.DailyQuestion)), "a turned-off kind's schedule row should be gone");
        Assert.True(schedules.ContainsKey((couple.Partner.Id, NudgeKind.DailyQuestion)));
    }

    [Fact]
    public async Task ANudgeIsSkippedWhileTheAddressBounces()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        await Tables.MarkAddressBouncedAsync(couple.Inviter.Id, app.Clock.GetUtcNow());

        AssertSkipped(NudgeSkipReason.AddressBounced, await DispatchQuestionNudgeAsync(couple.Inviter, OneMinuteLate));
        AssertPending(await QuestionNudgeOfAsync(couple.Partner));
    }

    [Theory]
    [InlineData("02:59:00", null)]
    [InlineData("03:00:00", null)]
    [InlineData("03:00:01", NudgeSkipReason.Stale)]
    [InlineData("05:00:00", NudgeSkipReason.Stale)]
    public async Task ANudgeMoreThanThreeHoursLateIsSkippedAsStaleAndTheScheduleMovesToTheNextOccurrence(string lateness, NudgeSkipReason? expected)
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion);

        var nudge = await DispatchQuestionNudgeAsync(couple.Inviter, TimeSpan.Parse(lateness, CultureInfo.InvariantCulture));

        Assert.Equal((expected is null ? NudgeStatus.Pending : NudgeStatus.Skipped, expected, due), (nudge.Status, nudge.SkipReason, nudge.DueUtc));
        Assert.Equal(due.AddDays(1), await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion));
    }

    [Fact]
    public async Task AfterAnOutageOfMoreThanADayTheMissedDaysAreNotReplayed()
    {
        var couple = await CoupleWithQuestionNudgesAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion);

        var nudge = await DispatchQuestionNudgeAsync(couple.Inviter, TimeSpan.FromHours(26));

        AssertSkipped(NudgeSkipReason.Stale, nudge);
        Assert.Equal(due, nudge.DueUtc);
        Assert.Single(await Tables.OutboxAsync(couple.Inviter.Id));
        Assert.Equal(due.AddDays(2), await Tables.NextDueAsync(couple.Inviter.Id, NudgeKind.DailyQuestion));
    }

    private static void AssertPending(OutboxRow nudge) =>
        Assert.Equal((NudgeStatus.Pending, (NudgeSkipReason?)null, (DateTimeOffset?)nudge.DueUtc), (nudge.Status, nudge.SkipReason, nudge.NextAttemptUtc));

    /// <summary>Skipped with the reason recorded, and nothing left for the sender to pick up.</summary>
    private static void AssertSkipped(NudgeSkipReason reason, OutboxRow nudge) =>
        Assert.Equal((NudgeStatus.Skipped, (NudgeSkipReason?)reason, (DateTimeOffset?)null), (nudge.Status, nudge.SkipReason, nudge.NextAttemptUtc));

    /// <summary>A new couple in Kolkata; both asked for the 08:00 question nudge through the reminders form.</summary>
    private async Task<PairedCouple> CoupleWithQuestionNudgesAsync()
    {
        var couple = await app.ClockedDriver.PairNewAsync(inviterTimeZoneId: Zone, partnerTimeZoneId: Zone);
        await SaveQuestionRemindersAsync(couple.Inviter);
        await SaveQuestionRemindersAsync(couple.Partner);
        return couple;
    }

    private async Task SaveQuestionRemindersAsync(TestPerson person)
    {
        await using var scope = app.ClockedDriver.AsUser(person);
        var saved = await scope.Get<NudgePreferencesService>().SaveAsync(new NudgePreferencesInput
        {
            QuestionNudgeOn = true,
            QuestionNudgeAt = QuestionAt.ToString(),
            GratitudeNudgeOn = false,
            PartnerActivityOn = true,
        });
        Assert.True(saved.Succeeded, saved.Error);
    }

    /// <summary>Moves the clock to <paramref name="lateness"/> after the person's question nudge falls due, runs the dispatcher once, and returns that nudge.</summary>
    private async Task<OutboxRow> DispatchQuestionNudgeAsync(TestPerson person, TimeSpan lateness)
    {
        var due = await Tables.NextDueAsync(person.Id, NudgeKind.DailyQuestion);
        app.Clock.SetUtcNow(due + lateness);
        var dispatched = await Dispatcher.DispatchDueAsync();
        Assert.True(dispatched.Claimed >= 1, $"Nothing was due at {due + lateness:u}.");
        return await QuestionNudgeOfAsync(person);
    }

    private async Task<OutboxRow> QuestionNudgeOfAsync(TestPerson person) =>
        Assert.Single(await Tables.OutboxAsync(person.Id), row => row.Kind == NudgeKind.DailyQuestion);
}
