using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Features.Nudges;

namespace CoupleConnect.IntegrationTests.Nudges;

/// <summary>Things change between dispatch and send: the sender checks the skip rules again right before sending.</summary>
[Collection(SendingTests.Name)]
public sealed class SendingRechecksSkipRules(SendingAppFixture app)
{
    [Fact]
    public async Task AQuestionNudgeIsSkippedWhenItsRecipientAnsweredAfterItWasQueued()
    {
        // New people: the answer stays on the couple's day.
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var day = (await app.Driver.TodaysQuestionAsync(couple.Inviter)).Day;
        var now = app.Clock.GetUtcNow();
        var answeredMeanwhile = await app.Outbox.AddPendingAsync(couple.Inviter.Id, NudgeKind.DailyQuestion, day, now);
        var stillOpen = await app.Outbox.AddPendingAsync(couple.Partner.Id, NudgeKind.DailyQuestion, day, now);

        await app.Driver.AnswerAsync(couple.Inviter, day, "The coffee you brought me this morning.");

        Assert.Equal(new NudgeSendResult(1, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(answeredMeanwhile);
        Assert.Equal((NudgeStatus.Skipped, (NudgeSkipReason?)NudgeSkipReason.AlreadyAnswered, 0), (skipped.Status, skipped.SkipReason, skipped.Attempts));
        Assert.Equal(NudgeStatus.Sent, (await app.Outbox.RowAsync(stillOpen)).Status);
        Assert.Equal([NudgeEmails.MessageIdFor(stillOpen, SendingAppFixture.MailDomain)], app.Smtp.Received.Select(mail => mail.MessageId));
    }

    [Fact]
    public async Task ANudgeMoreThanThreeHoursLateIsSkippedAsStaleWhileOneJustInsideTheLimitGoesOut()
    {
        var couple = (await app.CrowdAsync(1))[0];
        await app.StartCleanAsync();
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var tooLate = await app.Outbox.AddPendingAsync(couple.Inviter.Id, NudgeKind.DailyQuestion, today, now - NudgeClock.StalenessLimit - TimeSpan.FromMinutes(1));
        var lateButFine = await app.Outbox.AddPendingAsync(couple.Partner.Id, NudgeKind.DailyQuestion, today, now - NudgeClock.StalenessLimit + TimeSpan.FromMinutes(1));

        Assert.Equal(new NudgeSendResult(1, 1, 0, 0), await app.Sender.SendDueAsync());

        var stale = await app.Outbox.RowAsync(tooLate);
        Assert.Equal((NudgeStatus.Skipped, (NudgeSkipReason?)NudgeSkipReason.Stale, 0), (stale.Status, stale.SkipReason, stale.Attempts));
        Assert.Equal(NudgeStatus.Sent, (await app.Outbox.RowAsync(lateButFine)).Status);
        Assert.Equal([NudgeEmails.MessageIdFor(lateButFine, SendingAppFixture.MailDomain)], app.Smtp.Received.Select(mail => mail.MessageId));
    }

    [Fact]
    public async Task ANudgeWhoseKindWasTurnedOffAfterItWasQueuedIsSkipped()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, NudgeKind.EveningGratitude, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow());
        await using (var scope = app.Driver.AsUser(couple.Inviter))
        {
            var saved = await scope.Get<NudgePreferencesService>().SaveAsync(new NudgePreferencesInput { QuestionNudgeOn = true, GratitudeNudgeOn = false, PartnerActivityOn = true });
            Assert.True(saved.Succeeded, saved.Error);
        }

        Assert.Equal(new NudgeSendResult(0, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(id);
        Assert.Equal((NudgeStatus.Skipped, (NudgeSkipReason?)NudgeSkipReason.TurnedOff), (skipped.Status, skipped.SkipReason));
        Assert.Empty(app.Smtp.Received);
    }
}
