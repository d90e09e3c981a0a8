using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// The sender checks "already thanked" again right before sending (gratitude written after the reminder was queued), and
/// the evening email links straight to the gratitude page. Real SMTP to an in-process server.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class SendingTheEveningReminder(SendingAppFixture app)
{
    [Fact]
    public async Task AnEveningReminderIsSkippedForWhoeverThankedSinceItWasQueuedAndTheOtherLinksToTheGratitudePage()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var now = app.Clock.GetUtcNow();
        var today = (await app.Driver.DashboardAsync(couple.Inviter)).Today;
        var thankedMeanwhile = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.EveningGratitude, today, now);
        var stillToThank = await app.Outbox.AddPendingAsync(couple.Partner.Id, ReminderKind.EveningGratitude, today, now);

        await app.Driver.WriteGratitudeAsync(couple.Inviter, "You cooked while I was on the phone.");

        Assert.Equal(new ReminderSendResult(1, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(thankedMeanwhile);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.AlreadyThanked, 0), (skipped.Status, skipped.SkipReason, skipped.Attempts));
        Assert.Equal(ReminderStatus.Sent, (await app.Outbox.RowAsync(stillToThank)).Status);
        var mail = Assert.Single(app.Smtp.Received).Message;
        Assert.Equal(couple.Partner.Email, Assert.Single(mail.To.Mailboxes).Address);
        var gratitudePage = $"{SendingAppFixture.PublicUrl}gratitude";
        Assert.Contains(gratitudePage, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{gratitudePage}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("You cooked", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal); // never the partner's words
    }
}
