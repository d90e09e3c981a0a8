using System.Net;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Talks;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Talks;

/// <summary>
/// A scheduled talk's reminder through the one outbox and the real SMTP sender: written once per partner when both have
/// said yes, sent once, a little before the talk, naming neither the topic nor anything said; skipped when the talk was
/// called off in between.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class SendingTalkReminders(SendingAppFixture app)
{
    private const string Topic = "A topic that stays in the app";

    [Fact]
    public async Task BothPartnersGetOneReminderBeforeTheTalkWithoutItsTopicAndNoSecond()
    {
        await app.StartCleanAsync();
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/Berlin", "America/New_York");
        var starts = app.Clock.GetUtcNow().AddHours(3);
        var id = await ProposeAndAcceptAsync(couple, starts);

        // Queued when Sam said yes; queuing again (a retried request) writes nothing new.
        Assert.Equal(0, await QueueAgainAsync(couple, id));
        var rows = (await app.Outbox.RowsOfAsync(couple.Inviter.Id)).Concat(await app.Outbox.RowsOfAsync(couple.Partner.Id)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal((ReminderKind.TalkComingUp, ReminderStatus.Pending), (row.Kind, row.Status)));

        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        app.Clock.SetUtcNow(starts - TimeSpan.FromMinutes(14));
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());

        var mails = app.Smtp.Received.Select(mail => mail.Message).ToList();
        Assert.Equal(2, mails.Count);
        foreach (var mail in mails)
        {
            Assert.StartsWith("Your talk with ", mail.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(Topic, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(Topic, WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
            Assert.Contains($"{SendingAppFixture.PublicUrl}talks/{id}", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("for 30 minutes", mail.TextBody, StringComparison.Ordinal);
        }

        Assert.Contains(mails, mail => mail.To.Mailboxes.Single().Address == couple.Partner.Email && mail.Subject!.EndsWith("Alex is coming up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATalkCalledOffBeforeItsReminderIsNotRemindedOf()
    {
        await app.StartCleanAsync();
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/Berlin", "Europe/Berlin");
        var starts = app.Clock.GetUtcNow().AddHours(3);
        var id = await ProposeAndAcceptAsync(couple, starts);

        await app.Driver.DoAsync(couple.Partner, talks => talks.EndAsync(id));
        app.Clock.SetUtcNow(starts - TimeSpan.FromMinutes(14));

        Assert.Equal(new ReminderSendResult(0, 2, 0, 0), await app.Sender.SendDueAsync());
        Assert.Empty(app.Smtp.Received);
        var rows = await app.Outbox.RowsOfAsync(couple.Inviter.Id);
        Assert.Equal(ReminderSkipReason.TalkNoLongerPlanned, Assert.Single(rows).SkipReason);
    }

    private async Task<Guid> ProposeAndAcceptAsync(PairedCouple couple, DateTimeOffset starts)
    {
        var local = TimeZoneInfo.ConvertTime(starts, TimeZoneInfo.FindSystemTimeZoneById(couple.Inviter.TimeZoneId));
        var proposed = await app.Driver.TalksAsync(couple.Inviter, talks => talks.ProposeAsync(new TalkProposalForm
        {
            Topic = Topic,
            TimeBoxMinutes = 30,
            Day = local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.True(proposed.Succeeded, proposed.Error);
        await app.Driver.DoAsync(couple.Partner, talks => talks.AcceptAsync(proposed.Value));

        // Pairing emailed "you're connected" at once; only reminders count from here.
        app.Smtp.Reset();
        return proposed.Value;
    }

    private async Task<int> QueueAgainAsync(PairedCouple couple, Guid id)
    {
        var dbFactory = app.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var scope = await CurrentCouple.ForUserAsync(dbFactory, couple.Partner.Id);
        await using var db = await CoupleDb.OpenAsync(dbFactory, couple.CoupleId);
        var talk = await db.Talks.SingleAsync(talk => talk.Id == id);
        return await app.App.Services.GetRequiredService<TalkReminders>().QueueAsync(talk, scope!, CancellationToken.None);
    }
}
