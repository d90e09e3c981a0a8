using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using static CoupleConnect.IntegrationTests.Rituals.RitualsDriving;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// Reminders follow the ritual: a new time or day moves both partners' bookmarks, a new home zone moves them to the
/// same local time there; leaving the couple or deleting the ritual stops them, and a reminder already waiting in the
/// outbox is skipped by the sender rather than sent. Tests work from the clock's "now", whatever ran before.
/// </summary>
public sealed class ReplanningRitualReminders(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private const string Berlin = RitualsAppFixture.HomeZone;
    private const string NewYork = "America/New_York";

    private AppDriver Driver => app.ClockedDriver;

    private ReminderSender Sender => app.ClockedFactory.Services.GetRequiredService<ReminderSender>();

    [Fact]
    public async Task ChangingTheTimeAndDayMovesBothBookmarksAndTheNextReminderIsForTheNewTime()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var (oldDay, newDay) = (today.AddDays(2), today.AddDays(3));
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Swimming", today, "19:00", oldDay.DayOfWeek));
        await AssertBookmarksAsync(id, At(Berlin, oldDay, "17:00"), oldDay);

        var changed = RitualForms.Copy((await Driver.RitualAsync(couple.Partner, id)).Form);
        changed.StartTime = "20:30";
        changed.Weekdays = [newDay.DayOfWeek];
        await Driver.ChangeRitualAsync(couple.Partner, id, changed);

        await AssertBookmarksAsync(id, At(Berlin, newDay, "18:30"), newDay);
        await app.JumpThroughRemindersAsync([id], At(Berlin, newDay, "21:00"));
        var rows = await app.Tables.OutboxAsync(id);
        Assert.Equal(
            new HashSet<(string, DateOnly, DateTimeOffset)> { (couple.Inviter.Id, newDay, At(Berlin, newDay, "18:30")), (couple.Partner.Id, newDay, At(Berlin, newDay, "18:30")) },
            rows.Select(row => (row.UserId, row.LocalDate, row.DueUtc)).ToHashSet());
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task ANewHomeZoneMovesTheRemindersToTheSameLocalTimeThere()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var day = today.AddDays(2);
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Call the grandparents", today, "19:00", day.DayOfWeek));
        await AssertBookmarksAsync(id, At(Berlin, day, "17:00"), day);

        await using (var scope = Driver.AsUser(couple.Partner))
        {
            var settings = await scope.Settings.GetAsync();
            Assert.NotNull(settings);
            var saved = await scope.Settings.SaveAsync(new CoupleSettingsInput { Name = settings.Name, HomeTimeZoneId = NewYork, Anniversary = settings.Anniversary });
            Assert.True(saved.Succeeded, saved.Error);
        }

        // 19:00 in New York now, the same weekday (New York's today is Berlin's or the day before, so that day is still to come there).
        await AssertBookmarksAsync(id, At(NewYork, day, "17:00"), day);
        Assert.Equal(At(NewYork, day, "19:00"), (await Driver.RitualAsync(couple.Inviter, id)).Summary.Next?.StartsUtc);

        await app.JumpThroughRemindersAsync([id], At(NewYork, day, "19:30"));
        var rows = await app.Tables.OutboxAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal((day, At(NewYork, day, "17:00"), ReminderStatus.Pending), (row.LocalDate, row.DueUtc, row.Status)));
    }

    [Fact]
    public async Task AfterLeavingTheCoupleNoMoreRemindersAreWrittenAndOneAlreadyWaitingIsSkipped()
    {
        var couple = await app.NewCoupleAsync();
        var control = await app.NewCoupleAsync();
        var today = app.Today();
        var days = new[] { today.AddDays(1).DayOfWeek, today.AddDays(4).DayOfWeek };
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Dance class", today, "19:00", days));
        var controlId = await Driver.CreateRitualAsync(control.Inviter, RitualForms.Weekly("Dance class", today, "19:00", days));
        var first = await FirstReminderWaitingAsync(id);

        var unsubscribeLink = app.ClockedFactory.Services.GetRequiredService<UnsubscribeTokens>().Create(couple.Inviter.Id, couple.CoupleId, ReminderKind.RitualReminder, id);

        await Driver.LeaveAsync(couple.Partner);

        Assert.All(await app.Tables.RemindersAsync(id), reminder => Assert.Null(reminder.NextDueUtc));
        await Sender.SendDueAsync();
        var skipped = await app.Tables.OutboxAsync(id);
        Assert.Equal(first.Select(row => row.Id), skipped.Select(row => row.Id));
        Assert.All(skipped, row => Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.NotPaired), (row.Status, row.SkipReason)));
        await using (var scope = app.ClockedFactory.Services.CreateAsyncScope())
        {
            // A reminder email's unsubscribe link, followed after leaving, says the reminders already stopped.
            var unsubscribe = scope.ServiceProvider.GetRequiredService<UnsubscribeService>();
            Assert.Equal(UnsubscribeService.CoupleEndedMessage, (await unsubscribe.DescribeAsync(unsubscribeLink)).Error);
            Assert.Equal(UnsubscribeService.CoupleEndedMessage, (await unsubscribe.TurnBackOnAsync(unsubscribeLink)).Error);
        }

        Assert.All(await app.Tables.RemindersAsync(id), reminder => Assert.Null(reminder.NextDueUtc));

        await app.WalkAsync(app.Clock.GetUtcNow() + TimeSpan.FromDays(15), TimeSpan.FromMinutes(30));

        Assert.Equal(2, (await app.Tables.OutboxAsync(id)).Count);
        Assert.True((await app.Tables.OutboxAsync(controlId)).Count >= 8, "The control couple's ritual got no reminders: the walk proves nothing.");
    }

    [Fact]
    public async Task AfterDeletingTheRitualNoMoreRemindersAreWrittenAndOneAlreadyWaitingIsSkipped()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var days = new[] { today.AddDays(1).DayOfWeek, today.AddDays(4).DayOfWeek };
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Choir", today, "19:00", days));
        var kept = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Choir practice at home", today, "20:00", days));
        var first = await FirstReminderWaitingAsync(id);

        await Driver.DeleteRitualAsync(couple.Inviter, id);

        Assert.All(await app.Tables.RemindersAsync(id), reminder => Assert.Null(reminder.NextDueUtc));
        await Sender.SendDueAsync();
        var skipped = await app.Tables.OutboxAsync(id);
        Assert.Equal(first.Select(row => row.Id), skipped.Select(row => row.Id));
        Assert.All(skipped, row => Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.RitualGone), (row.Status, row.SkipReason)));

        await app.WalkAsync(app.Clock.GetUtcNow() + TimeSpan.FromDays(15), TimeSpan.FromMinutes(30));

        Assert.Equal(2, (await app.Tables.OutboxAsync(id)).Count);
        Assert.True((await app.Tables.OutboxAsync(kept)).Count >= 8, "The kept ritual got no reminders: the walk proves nothing.");
    }

    [Fact]
    public async Task TheSenderSkipsAQueuedReminderTurnedOffSinceOrForADayTheRitualNoLongerHappens()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var day = today.AddDays(1);
        var turnedOff = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Piano practice", today, "19:00", day.DayOfWeek));
        var moved = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Piano lesson", today, "19:00", day.DayOfWeek));
        var queued = await FirstReminderWaitingAsync(turnedOff);
        Assert.Equal(2, (await app.Tables.OutboxAsync(moved)).Count);

        await Driver.SetReminderAsync(couple.Partner, turnedOff, false, 120);
        var lesson = RitualForms.Copy((await Driver.RitualAsync(couple.Inviter, moved)).Form);
        lesson.Weekdays = [day.AddDays(1).DayOfWeek];
        await Driver.ChangeRitualAsync(couple.Inviter, moved, lesson);
        await Sender.SendDueAsync();

        var practice = await app.Tables.OutboxAsync(turnedOff);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.TurnedOff), practice.Where(row => row.UserId == couple.Partner.Id).Select(row => (row.Status, row.SkipReason)).Single());
        Assert.Equal(ReminderStatus.Sent, practice.Single(row => row.UserId == couple.Inviter.Id).Status);
        Assert.All(await app.Tables.OutboxAsync(moved), row => Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.RitualGone), (row.Status, row.SkipReason)));
        Assert.Equal(queued.Select(row => row.Id), practice.Select(row => row.Id));
    }

    /// <summary>Moves the clock to just after the ritual's first reminder and dispatches it: one Pending row per partner.</summary>
    private async Task<IReadOnlyList<RitualOutboxRow>> FirstReminderWaitingAsync(Guid ritualId)
    {
        var due = Assert.Single((await app.Tables.RemindersAsync(ritualId)).Select(reminder => reminder.NextDueUtc).Distinct());
        Assert.NotNull(due);
        app.Clock.SetUtcNow(due.Value + TimeSpan.FromSeconds(30));
        await app.Dispatcher.DispatchDueAsync();
        var rows = await app.Tables.OutboxAsync(ritualId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(ReminderStatus.Pending, row.Status));
        return rows;
    }

    private async Task AssertBookmarksAsync(Guid ritualId, DateTimeOffset due, DateOnly day)
    {
        var reminders = await app.Tables.RemindersAsync(ritualId);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, reminder => Assert.Equal(((DateTimeOffset?)due, (DateOnly?)day, (ReminderKind?)ReminderKind.RitualReminder), (reminder.NextDueUtc, reminder.NextOccurrenceDay, reminder.NextKind)));
    }
}
