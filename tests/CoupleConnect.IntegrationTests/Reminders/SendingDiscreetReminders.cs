using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Accounts;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>A reminder to a person who chose discreet emails, as the SMTP server receives it (issue 17 item 4).</summary>
[Collection(SendingTests.Name)]
public sealed class SendingDiscreetReminders(SendingAppFixture app)
{
    [Fact]
    public async Task AReminderToSomeoneWhoChoseDiscreetEmailsNamesNobodyInItsSubjectOrPreviewButKeepsItsDetailsInside()
    {
        var couple = await app.Driver.PairNewAsync("Marisol", "Teodoro");
        await using (var scope = app.Driver.AsUser(couple.Inviter))
        {
            var service = scope.Get<ReminderPreferencesService>();
            var settings = await service.GetAsync();
            settings!.DiscreetEmails = true;
            Assert.True((await service.SaveAsync(settings)).Succeeded);
        }

        await app.StartCleanAsync();
        await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.EveningGratitude, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow());

        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        var mail = Assert.Single(app.Smtp.Received).Message;

        ChoosingDiscreetEmails.AssertDiscreet(mail, "Teodoro", "Marisol");
        Assert.Contains("Teodoro", mail.TextBody, StringComparison.Ordinal); // the details are still there for whoever opens it
        Assert.Contains("https://coupleconnect.test/gratitude", mail.TextBody, StringComparison.Ordinal);
    }
}
