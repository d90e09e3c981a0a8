using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// The dispatcher turns a due schedule row into one outbox row: pending for a paired, confirmed person who wants it,
/// otherwise skipped with the reason recorded. Either way the schedule moves on to the next local day.
/// Everyone here lives in Kolkata (no daylight saving), with the question reminder at 08:00.
/// </summary>
public sealed class DispatchingReminders(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string Zone = "Asia/Kolkata";

    private static readonly LocalTimeOfDay QuestionAt = LocalTimeOfDay.MorningDefault;

    private static readonly TimeSpan OneMinuteLate = TimeSpan.FromMinutes(1);

    private DispatchTables Tables => new(app.Factory.ConnectionString);

    private ReminderDispatcher Dispatcher => app.ClockedFactory.Services.GetRequiredService<ReminderDispatcher>();

    [Fact]
    public async Task APairedConfirmedPersonsReminderIsWrittenOnceAsPendingAndTheScheduleMovesToTomorrow()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion);

        var reminder = await DispatchQuestionReminderAsync(couple.Inviter, OneMinuteLate);

        var day = ReminderClock.LocalDateOf(TimeZoneId.Parse(Zone), due);
        Assert.Equal((ReminderStatus.Pending, (ReminderSkipReason?)null, day, due, (DateTimeOffset?)due), (reminder.Status, reminder.SkipReason, reminder.LocalDate, reminder.DueUtc, reminder.NextAttemptUtc));
        Assert.Equal(due.AddDays(1), await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion));

        // Running again at the same instant (a second recurring run, a retry) finds nothing due and writes nothing.
        var outboxBefore = await Tables.OutboxCountAsync();
        Assert.Equal(new ReminderDispatchResult(0, 0, 0), await Dispatcher.DispatchDueAsync());
        Assert.Equal(outboxBefore, await Tables.OutboxCountAsync());
        Assert.Single(await Tables.OutboxAsync(couple.Inviter.Id), row => row.Kind == ReminderKind.DailyQuestion);
    }

    [Fact]
    public async Task AQuestionReminderIsSkippedWhenThePersonHasAlreadyAnsweredThatDaysQuestion()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion);
        var anHourBefore = due - TimeSpan.FromHours(1);
        if (anHourBefore > app.Clock.GetUtcNow())
        {
            app.Clock.SetUtcNow(anHourBefore);
        }

        var day = (await app.ClockedDriver.AnswerTodayAsync(couple.Inviter, "A walk by the river.")).Day;
        Assert.Equal(ReminderClock.LocalDateOf(TimeZoneId.Parse(Zone), due), day);

        var answered = await DispatchQuestionReminderAsync(couple.Inviter, OneMinuteLate);

        AssertSkipped(ReminderSkipReason.AlreadyAnswered, answered);
        AssertPending(await QuestionReminderOfAsync(couple.Partner));
    }

    [Fact]
    public async Task AReminderIsSkippedForSomeoneWhoHasNoPartner()
    {
        var kim = await app.ClockedDriver.NewPersonAsync("Kim", Zone);
        await SaveQuestionRemindersAsync(kim);

        AssertSkipped(ReminderSkipReason.NotPaired, await DispatchQuestionReminderAsync(kim, OneMinuteLate));
    }

    [Fact]
    public async Task AReminderIsSkippedOnceTheCoupleHasEnded()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        await app.ClockedDriver.LeaveAsync(couple.Partner);

        AssertSkipped(ReminderSkipReason.NotPaired, await DispatchQuestionReminderAsync(couple.Inviter, OneMinuteLate));
        AssertSkipped(ReminderSkipReason.NotPaired, await QuestionReminderOfAsync(couple.Partner));
    }

    [Fact]
    public async Task AReminderIsSkippedWhileTheAddressIsUnconfirmed()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        await Tables.MarkEmailUnconfirmedAsync(couple.Inviter.Id);

        AssertSkipped(ReminderSkipReason.EmailUnconfirmed, await DispatchQuestionReminderAsync(couple.Inviter, OneMinuteLate));
        AssertPending(await QuestionReminderOfAsync(couple.Partner));
    }

    [Fact]
    public async Task AReminderIsSkippedWhenItIsTurnedOffEvenIfItsScheduleRowRemainedAndTheRowIsRemoved()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        await Tables.TurnQuestionReminderOffBehindTheSchedulesBackAsync(couple.Inviter.Id);

        AssertSkipped(ReminderSkipReason.TurnedOff, await DispatchQuestionReminderAsync(couple.Inviter, OneMinuteLate));
        AssertPending(await QuestionReminderOfAsync(couple.Partner));
        var schedules = await Tables.SchedulesAsync();
        Assert.False(schedules.ContainsKey((couple.Inviter.Id, ReminderKind.DailyQuestion)), "a turned-off kind's schedule row should be gone");
        Assert.True(schedules.ContainsKey((couple.Partner.Id, ReminderKind.DailyQuestion)));
    }

    [Fact]
    public async Task AReminderIsSkippedWhileTheAddressBounces()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        await Tables.MarkAddressBouncedAsync(couple.Inviter.Id, app.Clock.GetUtcNow());

        AssertSkipped(ReminderSkipReason.AddressBounced, await DispatchQuestionReminderAsync(couple.Inviter, OneMinuteLate));
        AssertPending(await QuestionReminderOfAsync(couple.Partner));
    }

    [Theory]
    [InlineData("02:59:00", null)]
    [InlineData("03:00:00", null)]
    [InlineData("03:00:01", ReminderSkipReason.Stale)]
    [InlineData("05:00:00", ReminderSkipReason.Stale)]
    public async Task AReminderMoreThanThreeHoursLateIsSkippedAsStaleAndTheScheduleMovesToTheNextOccurrence(string lateness, ReminderSkipReason? expected)
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion);

        var reminder = await DispatchQuestionReminderAsync(couple.Inviter, TimeSpan.Parse(lateness, CultureInfo.InvariantCulture));

        Assert.Equal((expected is null ? ReminderStatus.Pending : ReminderStatus.Skipped, expected, due), (reminder.Status, reminder.SkipReason, reminder.DueUtc));
        Assert.Equal(due.AddDays(1), await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion));
    }

    [Fact]
    public async Task AfterAnOutageOfMoreThanADayTheMissedDaysAreNotReplayed()
    {
        var couple = await CoupleWithQuestionRemindersAsync();
        var due = await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion);

        var reminder = await DispatchQuestionReminderAsync(couple.Inviter, TimeSpan.FromHours(26));

        AssertSkipped(ReminderSkipReason.Stale, reminder);
        Assert.Equal(due, reminder.DueUtc);
        // One question reminder for the two missed days. (When those 26 hours hold a Sunday evening, the weekly
        // temperature's reminder is there too, skipped as stale: it is not what this test is about.)
        Assert.Single(await Tables.OutboxAsync(couple.Inviter.Id), row => row.Kind == ReminderKind.DailyQuestion);
        Assert.Equal(due.AddDays(2), await Tables.NextDueAsync(couple.Inviter.Id, ReminderKind.DailyQuestion));
    }

    private static void AssertPending(OutboxRow reminder) =>
        Assert.Equal((ReminderStatus.Pending, (ReminderSkipReason?)null, (DateTimeOffset?)reminder.DueUtc), (reminder.Status, reminder.SkipReason, reminder.NextAttemptUtc));

    /// <summary>Skipped with the reason recorded, and nothing left for the sender to pick up.</summary>
    private static void AssertSkipped(ReminderSkipReason reason, OutboxRow reminder) =>
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)reason, (DateTimeOffset?)null), (reminder.Status, reminder.SkipReason, reminder.NextAttemptUtc));

    /// <summary>A new couple in Kolkata; both asked for the 08:00 question reminder through the reminders form.</summary>
    private async Task<PairedCouple> CoupleWithQuestionRemindersAsync()
    {
        var couple = await app.ClockedDriver.PairNewAsync(inviterTimeZoneId: Zone, partnerTimeZoneId: Zone);
        await SaveQuestionRemindersAsync(couple.Inviter);
        await SaveQuestionRemindersAsync(couple.Partner);
        return couple;
    }

    private async Task SaveQuestionRemindersAsync(TestPerson person)
    {
        await using var scope = app.ClockedDriver.AsUser(person);
        var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput
        {
            QuestionReminderOn = true,
            QuestionReminderAt = QuestionAt.ToString(),
            GratitudeReminderOn = false,
            PartnerActivityOn = true,
        });
        Assert.True(saved.Succeeded, saved.Error);
    }

    /// <summary>Moves the clock to <paramref name="lateness"/> after the person's question reminder falls due, runs the dispatcher once, and returns that reminder.</summary>
    private async Task<OutboxRow> DispatchQuestionReminderAsync(TestPerson person, TimeSpan lateness)
    {
        var due = await Tables.NextDueAsync(person.Id, ReminderKind.DailyQuestion);
        app.Clock.SetUtcNow(due + lateness);
        var dispatched = await Dispatcher.DispatchDueAsync();
        Assert.True(dispatched.Claimed >= 1, $"Nothing was due at {due + lateness:u}.");
        return await QuestionReminderOfAsync(person);
    }

    private async Task<OutboxRow> QuestionReminderOfAsync(TestPerson person) =>
        Assert.Single(await Tables.OutboxAsync(person.Id), row => row.Kind == ReminderKind.DailyQuestion);
}
