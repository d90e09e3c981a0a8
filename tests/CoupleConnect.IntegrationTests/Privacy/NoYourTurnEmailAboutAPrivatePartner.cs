using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Privacy;

namespace CoupleConnect.IntegrationTests.Privacy;

/// <summary>
/// The send check holds private mode too (docs/adr/0036): a "your turn" email already in the outbox when the partner
/// turns private mode on is skipped, not sent.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class NoYourTurnEmailAboutAPrivatePartner(SendingAppFixture app)
{
    [Fact]
    public async Task AYourTurnEmailQueuedBeforeThePartnerWentPrivateIsSkippedAtTheSendCheck()
    {
        var couple = await app.Driver.PairNewAsync("Noa", "Ari");
        await app.StartCleanAsync();
        var day = (await app.Driver.TodaysQuestionAsync(couple.Inviter)).Day;
        var yourTurn = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.PartnerActivity, day, app.Clock.GetUtcNow());

        await using (var asAri = app.Driver.AsUser(couple.Partner))
        {
            Assert.True((await asAri.Get<PrivacyService>().ChoosePrivateModeAsync(true)).Succeeded);
        }

        Assert.Equal(new Web.Features.Reminders.ReminderSendResult(0, 1, 0, 0), await app.Sender.SendDueAsync());
        var skipped = await app.Outbox.RowAsync(yourTurn);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.PartnerIsPrivate), (skipped.Status, skipped.SkipReason));
        Assert.Empty(app.Smtp.Received);
    }
}
