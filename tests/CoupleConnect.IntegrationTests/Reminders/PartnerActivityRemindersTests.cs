using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// "Alex answered today's question — your turn": answering queues one outbox row for the partner, due a little later
/// (so answering together sends nothing), at most once per local day, and only while the partner hasn't answered.
/// Alex's couple lives in Berlin; Sam lives in New York, so Sam's row carries New York's date.
/// </summary>
public sealed class PartnerActivityRemindersTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private DispatchTables Tables => new(app.Factory.ConnectionString);

    private TimeSpan Delay => TimeSpan.FromSeconds(app.ClockedFactory.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.PartnerActivityDelaySeconds);

    [Fact]
    public async Task WhenOnePartnerAnswersTheOtherGetsAYourTurnReminderTwoMinutesLater()
    {
        var couple = await app.ClockedDriver.PairNewAsync();
        var day = (await app.ClockedDriver.TodaysQuestionAsync(couple.Inviter)).Day;
        var answeredAt = app.Clock.GetUtcNow();

        await app.ClockedDriver.AnswerAsync(couple.Inviter, day, "Cooking together on Sunday.");

        var reminder = Assert.Single(await YourTurnRemindersOfAsync(couple.Partner));
        Assert.Equal(TimeSpan.FromMinutes(2), Delay);
        Assert.Equal((ReminderStatus.Pending, (ReminderSkipReason?)null, TimeZoneId.Parse("America/New_York").LocalDate(answeredAt)), (reminder.Status, reminder.SkipReason, reminder.LocalDate));
        Assert.Equal(answeredAt + Delay, reminder.DueUtc, TimeSpan.FromMicroseconds(1)); // PostgreSQL keeps microseconds
        Assert.Equal(reminder.DueUtc, reminder.NextAttemptUtc);
        Assert.Empty(await YourTurnRemindersOfAsync(couple.Inviter));
    }

    [Fact]
    public async Task AnsweringAgainTheSameDayQueuesNoSecondReminder()
    {
        // Mid-morning in New York and afternoon in Berlin, so the ten minutes below stay within one local day for both
        // (the clock starts at the real now, which once fell ten minutes before New York's midnight).
        var now = app.Clock.GetUtcNow();
        var afternoon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(15), TimeSpan.Zero);
        app.Clock.SetUtcNow(afternoon > now ? afternoon : afternoon.AddDays(1));
        var couple = await app.ClockedDriver.PairNewAsync();
        var day = (await app.ClockedDriver.AnswerTodayAsync(couple.Inviter, "Cooking together.")).Day;
        var first = Assert.Single(await YourTurnRemindersOfAsync(couple.Partner));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await app.ClockedDriver.AnswerAsync(couple.Inviter, day, "Cooking together on Sunday, actually.");

        Assert.Equal(first, Assert.Single(await YourTurnRemindersOfAsync(couple.Partner)));
    }

    [Fact]
    public async Task NoReminderForAPartnerWhoHasAlreadyAnswered()
    {
        var couple = await app.ClockedDriver.PairNewAsync();
        var day = (await app.ClockedDriver.TodaysQuestionAsync(couple.Inviter)).Day;
        await app.ClockedDriver.AnswerAsync(couple.Partner, day, "Our first trip.");

        await app.ClockedDriver.AnswerAsync(couple.Inviter, day, "Cooking together.");

        Assert.True((await app.ClockedDriver.TodaysQuestionAsync(couple.Inviter)).IsRevealed);
        Assert.Empty(await YourTurnRemindersOfAsync(couple.Partner));
        Assert.Single(await YourTurnRemindersOfAsync(couple.Inviter)); // from Sam's answer, when Alex hadn't answered yet
    }

    [Fact]
    public async Task NoReminderForAPartnerWhoTurnedThemOff()
    {
        var couple = await app.ClockedDriver.PairNewAsync();
        await using (var scope = app.ClockedDriver.AsUser(couple.Partner))
        {
            var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, GratitudeReminderOn = true, PartnerActivityOn = false });
            Assert.True(saved.Succeeded, saved.Error);
        }

        var day = (await app.ClockedDriver.AnswerTodayAsync(couple.Inviter, "Cooking together.")).Day;

        Assert.Empty(await YourTurnRemindersOfAsync(couple.Partner));
    }

    [Fact]
    public async Task AnsweringAnEarlierDaysQuestionQueuesNothing()
    {
        var couple = await app.ClockedDriver.PairNewAsync();
        var yesterday = (await app.ClockedDriver.TodaysQuestionAsync(couple.Inviter)).Day;
        app.Clock.Advance(TimeSpan.FromDays(1));

        await app.ClockedDriver.AnswerAsync(couple.Inviter, yesterday, "Cooking together.");

        Assert.Empty(await YourTurnRemindersOfAsync(couple.Partner));
    }

    private async Task<List<OutboxRow>> YourTurnRemindersOfAsync(TestPerson person) =>
        (await Tables.OutboxAsync(person.Id)).Where(row => row.Kind == ReminderKind.PartnerActivity).ToList();
}
