using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>A permanent refusal is recorded at once; a refused address is not mailed again until its owner retries it.</summary>
[Collection(SendingTests.Name)]
public sealed class SendingPermanentFailures(SendingAppFixture app)
{
    [Fact]
    public async Task ARefusedAddressFailsForGoodAndIsNotMailedAgainUntilItsOwnerRetriesIt()
    {
        // New people: the bounce mark stays on the account.
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        app.Smtp.RefuseAddress(couple.Partner.Email);
        var now = app.Clock.GetUtcNow();

        // The refused reminder goes first in the batch, so the same connection has to carry on after the 550.
        var refused = await app.Outbox.AddPendingAsync(couple.Partner.Id, ReminderKind.DailyQuestion, Today(), now.AddMinutes(-2));
        var accepted = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.DailyQuestion, Today(), now.AddMinutes(-1));

        Assert.Equal(new ReminderSendResult(1, 0, 0, 1), await app.Sender.SendDueAsync());
        var failed = await app.Outbox.RowAsync(refused);
        Assert.Equal((ReminderStatus.Failed, 1, (DateTimeOffset?)null), (failed.Status, failed.Attempts, failed.NextAttemptUtc));
        Assert.StartsWith("550", failed.LastError);
        Assert.Equal(now, await app.Outbox.BouncedAtAsync(couple.Partner.Id));
        Assert.Null(await app.Outbox.BouncedAtAsync(couple.Inviter.Id));
        Assert.Equal(ReminderStatus.Sent, (await app.Outbox.RowAsync(accepted)).Status);
        Assert.Equal([ReminderEmails.MessageIdFor(accepted, SendingAppFixture.MailDomain)], app.Smtp.Received.Select(mail => mail.MessageId));
        Assert.Equal(1, app.Smtp.Connections);

        // A later reminder for the bounced address is skipped, even though the server would take it now.
        app.Smtp.AcceptAddress(couple.Partner.Email);
        var later = await app.Outbox.AddPendingAsync(couple.Partner.Id, ReminderKind.EveningGratitude, Today(), app.Clock.GetUtcNow());
        Assert.Equal(new ReminderSendResult(0, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(later);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.AddressBounced, 0), (skipped.Status, skipped.SkipReason, skipped.Attempts));
        Assert.Single(app.Smtp.Received);

        // "I fixed my mailbox" clears the mark, and the next reminder goes out.
        await using (var scope = app.Driver.AsUser(couple.Partner))
        {
            var preferences = scope.Get<ReminderPreferencesService>();
            Assert.Equal(couple.Partner.Email, (await preferences.GetAsync())!.BouncedAddress);
            Assert.True((await preferences.RetryBouncedAddressAsync()).Succeeded);
            Assert.Null((await preferences.GetAsync())!.BouncedAddress);
        }

        Assert.Null(await app.Outbox.BouncedAtAsync(couple.Partner.Id));
        var afterFix = await app.Outbox.AddPendingAsync(couple.Partner.Id, ReminderKind.DailyQuestion, Today().AddDays(1), app.Clock.GetUtcNow());
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(1, app.Smtp.TimesReceived(ReminderEmails.MessageIdFor(afterFix, SendingAppFixture.MailDomain)));
    }

    [Fact]
    public async Task ARefusedMessageFailsForGoodWithoutMarkingTheAddress()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        app.Smtp.RejectMessages(1);
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.DailyQuestion, Today(), app.Clock.GetUtcNow());

        Assert.Equal(new ReminderSendResult(0, 0, 0, 1), await app.Sender.SendDueAsync());

        var failed = await app.Outbox.RowAsync(id);
        Assert.Equal((ReminderStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.StartsWith("554", failed.LastError);
        Assert.Null(await app.Outbox.BouncedAtAsync(couple.Inviter.Id));
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public async Task APolicyRefusalOfTheRecipientFailsWithoutMarkingTheAddress()
    {
        // "Relaying denied" says our mail set-up is wrong, not that the person's mailbox is: they must not be cut off.
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        app.Smtp.RefuseAddressByPolicy(couple.Inviter.Email);
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.DailyQuestion, Today(), app.Clock.GetUtcNow());

        Assert.Equal(new ReminderSendResult(0, 0, 0, 1), await app.Sender.SendDueAsync());

        var failed = await app.Outbox.RowAsync(id);
        Assert.Equal(ReminderStatus.Failed, failed.Status);
        Assert.StartsWith("550", failed.LastError);
        Assert.Null(await app.Outbox.BouncedAtAsync(couple.Inviter.Id));
        app.Smtp.AcceptAddress(couple.Inviter.Email);
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
}
