using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>Things change between dispatch and send: the sender checks the skip rules again right before sending.</summary>
[Collection(SendingTests.Name)]
public sealed class SendingRechecksSkipRules(SendingAppFixture app)
{
    [Fact]
    public async Task AQuestionReminderIsSkippedWhenItsRecipientAnsweredAfterItWasQueued()
    {
        // New people: the answer stays on the couple's day.
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var day = (await app.Driver.TodaysQuestionAsync(couple.Inviter)).Day;
        var now = app.Clock.GetUtcNow();
        var answeredMeanwhile = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.DailyQuestion, day, now);
        var stillOpen = await app.Outbox.AddPendingAsync(couple.Partner.Id, ReminderKind.DailyQuestion, day, now);

        await app.Driver.AnswerAsync(couple.Inviter, day, "The coffee you brought me this morning.");

        Assert.Equal(new ReminderSendResult(1, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(answeredMeanwhile);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.AlreadyAnswered, 0), (skipped.Status, skipped.SkipReason, skipped.Attempts));
        Assert.Equal(ReminderStatus.Sent, (await app.Outbox.RowAsync(stillOpen)).Status);
        Assert.Equal([ReminderEmails.MessageIdFor(stillOpen, SendingAppFixture.MailDomain)], app.Smtp.Received.Select(mail => mail.MessageId));
    }

    [Fact]
    public async Task AReminderMoreThanThreeHoursLateIsSkippedAsStaleWhileOneJustInsideTheLimitGoesOut()
    {
        var couple = (await app.CrowdAsync(1))[0];
        await app.StartCleanAsync();
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var tooLate = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.DailyQuestion, today, now - ReminderClock.StalenessLimit - TimeSpan.FromMinutes(1));
        var lateButFine = await app.Outbox.AddPendingAsync(couple.Partner.Id, ReminderKind.DailyQuestion, today, now - ReminderClock.StalenessLimit + TimeSpan.FromMinutes(1));

        Assert.Equal(new ReminderSendResult(1, 1, 0, 0), await app.Sender.SendDueAsync());

        var stale = await app.Outbox.RowAsync(tooLate);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.Stale, 0), (stale.Status, stale.SkipReason, stale.Attempts));
        Assert.Equal(ReminderStatus.Sent, (await app.Outbox.RowAsync(lateButFine)).Status);
        Assert.Equal([ReminderEmails.MessageIdFor(lateButFine, SendingAppFixture.MailDomain)], app.Smtp.Received.Select(mail => mail.MessageId));
    }

    [Fact]
    public async Task AReminderWhoseKindWasTurnedOffAfterItWasQueuedIsSkipped()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.EveningGratitude, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow());
        await using (var scope = app.Driver.AsUser(couple.Inviter))
        {
            var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, GratitudeReminderOn = false, PartnerActivityOn = true });
            Assert.True(saved.Succeeded, saved.Error);
        }

        Assert.Equal(new ReminderSendResult(0, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(id);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.TurnedOff), (skipped.Status, skipped.SkipReason));
        Assert.Empty(app.Smtp.Received);
    }
}
