using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>A server that says "try later" or can't be reached: reminders wait with backoff, then arrive once, or give up.</summary>
[Collection(SendingTests.Name)]
public sealed class SendingRetries(SendingAppFixture app)
{
    private static readonly ReminderSendResult Nothing = new(0, 0, 0, 0);

    /// <summary>How long claimed reminders wait after the server could not be reached (the sender's fixed delay).</summary>
    private static readonly TimeSpan UnreachableDelay = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TemporaryRefusalsAreRetriedAfterAGrowingBackoffThenDeliveredOnce()
    {
        var couple = (await app.CrowdAsync(1))[0];
        await app.StartCleanAsync();
        List<long> ids = [await AddDueAsync(couple.Inviter), await AddDueAsync(couple.Partner)];
        app.Smtp.FailTemporarily(4); // both reminders, twice

        Assert.Equal(new ReminderSendResult(0, 0, 2, 0), await app.Sender.SendDueAsync());
        await AssertWaitingAsync(ids, attempts: 1, until: app.Clock.GetUtcNow() + ReminderRetryPolicy.DelayAfter(1), error: "451");
        Assert.Equal(Nothing, await app.Sender.SendDueAsync()); // the backoff holds them back

        app.Clock.Advance(ReminderRetryPolicy.DelayAfter(1));
        Assert.Equal(new ReminderSendResult(0, 0, 2, 0), await app.Sender.SendDueAsync());
        await AssertWaitingAsync(ids, attempts: 2, until: app.Clock.GetUtcNow() + ReminderRetryPolicy.DelayAfter(2), error: "451");
        Assert.True(ReminderRetryPolicy.DelayAfter(2) > ReminderRetryPolicy.DelayAfter(1));

        app.Clock.Advance(ReminderRetryPolicy.DelayAfter(1));
        Assert.Equal(Nothing, await app.Sender.SendDueAsync()); // the second wait is longer than the first

        app.Clock.Advance(ReminderRetryPolicy.DelayAfter(2) - ReminderRetryPolicy.DelayAfter(1));
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(0, app.Smtp.TemporaryFailuresLeft);
        AssertDeliveredOnce(ids);
        Assert.All(await app.Outbox.RowsAsync(ids), row => Assert.Equal((ReminderStatus.Sent, 3, (string?)null), (row.Status, row.Attempts, row.LastError)));
    }

    [Fact]
    public async Task WhileTheServerIsUnreachableRemindersWaitWithoutSpendingAttemptsThenArriveOnce()
    {
        var couple = (await app.CrowdAsync(1))[0];
        await app.StartCleanAsync();
        List<long> ids = [await AddDueAsync(couple.Inviter), await AddDueAsync(couple.Partner)];
        await app.Smtp.StopAsync();

        Assert.Equal(new ReminderSendResult(0, 0, 2, 0), await app.Sender.SendDueAsync());
        await AssertWaitingAsync(ids, attempts: 0, until: app.Clock.GetUtcNow() + UnreachableDelay, error: "Could not connect");

        await app.Smtp.StartAgainAsync();
        Assert.Equal(Nothing, await app.Sender.SendDueAsync()); // they wait out their minute even though the server is back
        Assert.Equal(0, app.Smtp.Connections);

        app.Clock.Advance(UnreachableDelay);
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());
        AssertDeliveredOnce(ids);
        Assert.All(await app.Outbox.RowsAsync(ids), row => Assert.Equal((ReminderStatus.Sent, 1, (string?)null), (row.Status, row.Attempts, row.LastError)));
    }

    [Fact]
    public async Task AfterTheLastAllowedAttemptATemporaryRefusalBecomesAFailure()
    {
        var couple = (await app.CrowdAsync(1))[0];
        await app.StartCleanAsync();
        var id = await AddDueAsync(couple.Inviter);
        app.Smtp.FailTemporarily(ReminderRetryPolicy.MaxAttempts + 1);

        for (var attempt = 1; attempt < ReminderRetryPolicy.MaxAttempts; attempt++)
        {
            Assert.Equal(new ReminderSendResult(0, 0, 1, 0), await app.Sender.SendDueAsync());
            var waiting = await app.Outbox.RowAsync(id);
            Assert.Equal((ReminderStatus.Pending, attempt), (waiting.Status, waiting.Attempts));
            app.Clock.Advance(ReminderRetryPolicy.DelayAfter(attempt));
        }

        Assert.Equal(new ReminderSendResult(0, 0, 0, 1), await app.Sender.SendDueAsync());
        var failed = await app.Outbox.RowAsync(id);
        Assert.Equal((ReminderStatus.Failed, ReminderRetryPolicy.MaxAttempts, (DateTimeOffset?)null), (failed.Status, failed.Attempts, failed.NextAttemptUtc));
        Assert.StartsWith("451", failed.LastError);
        Assert.Null(await app.Outbox.BouncedAtAsync(couple.Inviter.Id)); // "try later" is no bounce

        // Failed is final: later runs leave it alone, and the server was asked exactly MaxAttempts times.
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Nothing, await app.Sender.SendDueAsync());
        Assert.Equal(1, app.Smtp.TemporaryFailuresLeft);
        Assert.Empty(app.Smtp.Received);
    }

    private async Task<long> AddDueAsync(TestPerson person)
    {
        var now = app.Clock.GetUtcNow();
        return await app.Outbox.AddPendingAsync(person.Id, ReminderKind.DailyQuestion, DateOnly.FromDateTime(now.UtcDateTime), now.AddMinutes(-1));
    }

    private async Task AssertWaitingAsync(List<long> ids, int attempts, DateTimeOffset until, string error)
    {
        var rows = await app.Outbox.RowsAsync(ids);
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal((ReminderStatus.Pending, attempts, (DateTimeOffset?)until), (row.Status, row.Attempts, row.NextAttemptUtc));
            Assert.Contains(error, row.LastError, StringComparison.Ordinal);
        });
        Assert.Empty(app.Smtp.Received);
    }

    private void AssertDeliveredOnce(List<long> ids) =>
        Assert.Equal(
            ids.Select(id => ReminderEmails.MessageIdFor(id, SendingAppFixture.MailDomain)).Order(StringComparer.Ordinal),
            app.Smtp.Received.Select(mail => mail.MessageId).Order(StringComparer.Ordinal));
}
