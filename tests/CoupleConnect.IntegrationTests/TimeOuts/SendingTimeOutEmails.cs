using System.Net;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.TimeOuts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.TimeOuts;

/// <summary>
/// A time-out's emails through the one reminder path: the partner's notice and both return reminders each reach the
/// outbox once and are sent once, in the app's words; an extension moves the return reminder, ending early cancels it
/// (the send check skips it), and one unsubscribe link turns off exactly time-out emails.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class SendingTimeOutEmails(SendingAppFixture app)
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task TheNoticeGoesToThePartnerAtOnceAndTheReturnReminderToBothAtTheReturnTimeEachExactlyOnce()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        await app.StartCleanAsync();
        var calledAt = app.Clock.GetUtcNow();
        Assert.True((await app.Driver.CallTimeOutAsync(couple.Inviter, TimeOutQuickPick.OneHour)).Succeeded);
        var id = await app.Driver.CurrentTimeOutIdAsync(couple.Inviter);

        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        var notice = Assert.Single(app.Smtp.Received).Message;
        Assert.Equal(couple.Partner.Email, notice.To.Mailboxes.Single().Address);
        Assert.Equal("A short pause for you and Robin", notice.Subject);
        Assert.Contains("Robin started a time-out in CoupleConnect", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nothing is needed from you except to pause too.", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(LocalTimeText(calledAt.AddHours(1), NewYork), notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{SendingAppFixture.PublicUrl}time-out", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stop time-out emails", WebUtility.HtmlDecode(notice.HtmlBody), StringComparison.Ordinal);

        // Queued again (a retried click): nothing new.
        var timeOut = await TimeOutOf(id);
        var scope = (await app.Driver.AsUser(couple.Inviter).CurrentCouple.GetAsync())!;
        Assert.Equal(0, await app.App.Services.GetRequiredService<TimeOutReminders>().QueueCalledAsync(timeOut, scope, calledAt, CancellationToken.None));

        app.Clock.SetUtcNow(calledAt.AddHours(1).AddSeconds(30));
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());

        var returns = app.Smtp.Received.Skip(1).Select(mail => mail.Message).ToList();
        Assert.Equal(new[] { couple.Inviter.Email, couple.Partner.Email }.Order(), returns.Select(mail => mail.To.Mailboxes.Single().Address).Order());
        Assert.All(returns, mail => Assert.Equal("Time to come back together", mail.Subject));
        Assert.Equal(
            [(ReminderKind.TimeOutNotice, ReminderStatus.Sent, couple.Partner.Id), (ReminderKind.TimeOutReturn, ReminderStatus.Sent, couple.Inviter.Id), (ReminderKind.TimeOutReturn, ReminderStatus.Sent, couple.Partner.Id)],
            (await OutboxOf(id)).Select(row => (row.Kind, row.Status, row.UserId)).OrderBy(row => row.Kind).ThenBy(row => row.UserId == couple.Partner.Id));
    }

    [Fact]
    public async Task AnExtensionMovesTheReturnReminderToTheNewTime()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        await app.StartCleanAsync();
        var calledAt = app.Clock.GetUtcNow();
        Assert.True((await app.Driver.CallTimeOutAsync(couple.Inviter, TimeOutQuickPick.OneHour)).Succeeded);
        var id = await app.Driver.CurrentTimeOutIdAsync(couple.Partner);
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());

        var later = TimeZoneInfo.ConvertTime(calledAt.AddHours(3), TimeZoneId.Parse(NewYork).Zone).DateTime;
        later = new DateTime(later.Year, later.Month, later.Day, later.Hour, later.Minute, 0, DateTimeKind.Unspecified);
        var extended = await app.Driver.TimeOutsAsync(couple.Partner, timeOuts => timeOuts.ExtendAsync(id, new TimeOutReturnChoice(null, later)));
        Assert.True(extended.Succeeded, extended.Error);
        var newReturn = (await TimeOutOf(id)).ReturnAt;

        app.Clock.SetUtcNow(calledAt.AddHours(1).AddSeconds(30));
        Assert.Equal(new ReminderSendResult(0, 2, 0, 0), await app.Sender.SendDueAsync());

        app.Clock.SetUtcNow(newReturn.AddSeconds(30));
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        var rows = await OutboxOf(id);
        Assert.All(rows.Where(row => row.Kind == ReminderKind.TimeOutReturn), row => Assert.Equal((ReminderStatus.Skipped, ReminderSkipReason.TimeOutOver), (row.Status, row.SkipReason)));
        Assert.Equal(2, rows.Count(row => row.Kind == ReminderKind.TimeOutReturnExtended && row.Status == ReminderStatus.Sent && row.DueUtc == newReturn));
    }

    [Fact]
    public async Task EndingEarlyCancelsTheReturnReminder()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        await app.StartCleanAsync();
        var calledAt = app.Clock.GetUtcNow();
        Assert.True((await app.Driver.CallTimeOutAsync(couple.Inviter, TimeOutQuickPick.OneHour)).Succeeded);
        var id = await app.Driver.CurrentTimeOutIdAsync(couple.Partner);
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());

        app.Clock.SetUtcNow(calledAt.AddMinutes(25));
        Assert.True((await app.Driver.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.EndEarlyAsync(id))).Succeeded);

        app.Clock.SetUtcNow(calledAt.AddHours(1).AddSeconds(30));
        Assert.Equal(new ReminderSendResult(0, 2, 0, 0), await app.Sender.SendDueAsync());
        Assert.Single(app.Smtp.Received);
        Assert.All((await OutboxOf(id)).Where(row => row.Kind == ReminderKind.TimeOutReturn), row => Assert.Equal(ReminderSkipReason.TimeOutOver, row.SkipReason));
    }

    [Fact]
    public async Task TheUnsubscribeLinkTurnsOffTimeOutEmailsForThatPersonOnly()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai", Berlin, NewYork);
        await app.StartCleanAsync();
        var calledAt = app.Clock.GetUtcNow();
        Assert.True((await app.Driver.CallTimeOutAsync(couple.Inviter, TimeOutQuickPick.OneHour)).Succeeded);
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        var notice = Assert.Single(app.Smtp.Received).Message;

        // What a mail app sends for RFC 8058 one-click unsubscribe: a POST with no cookies and no antiforgery token.
        var unsubscribe = new Uri(notice.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        using (var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }))
        using (var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"))
        using (var response = await client.PostAsync(new Uri(unsubscribe, UriKind.Relative), body))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("time-out emails", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        app.Clock.SetUtcNow(calledAt.AddHours(1).AddSeconds(30));
        Assert.Equal(new ReminderSendResult(1, 1, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(couple.Inviter.Email, app.Smtp.Received[^1].Message.To.Mailboxes.Single().Address);
        var kai = (await app.Outbox.RowsOfAsync(couple.Partner.Id)).Single(row => row.Kind == ReminderKind.TimeOutReturn);
        Assert.Equal(ReminderSkipReason.TurnedOff, kai.SkipReason);
    }

    private static string LocalTimeText(DateTimeOffset instant, string zone) =>
        Web.Infrastructure.Time.LocalTimeFormat.DayAndTime(instant, zone);

    private async Task<TimeOut> TimeOutOf(Guid id)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.TimeOuts.AcrossCouples().SingleAsync(row => row.Id == id);
    }

    private async Task<List<(ReminderKind Kind, ReminderStatus Status, ReminderSkipReason? SkipReason, string UserId, DateTimeOffset DueUtc)>> OutboxOf(Guid id)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT kind, status, skip_reason, user_id, due_utc FROM reminder_outbox WHERE subject_id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        var rows = new List<(ReminderKind, ReminderStatus, ReminderSkipReason?, string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((Enum.Parse<ReminderKind>(reader.GetString(0)), Enum.Parse<ReminderStatus>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : Enum.Parse<ReminderSkipReason>(reader.GetString(2)), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }
}
