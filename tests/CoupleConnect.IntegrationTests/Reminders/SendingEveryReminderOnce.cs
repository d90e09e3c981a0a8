using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>The sender against a real SMTP server: every pending reminder arrives exactly once, one connection per batch.</summary>
[Collection(SendingTests.Name)]
public sealed class SendingEveryReminderOnce(SendingAppFixture app, ITestOutputHelper output)
{
    /// <summary>24 people × 3 kinds × 4 days = 288 rows: five full batches of 50 and one of 38.</summary>
    private const int Couples = 12;
    private const int Days = 4;

    [Fact]
    public async Task EveryPendingReminderIsDeliveredExactlyOnceOverOneConnectionPerBatch()
    {
        var ids = await QueueDueRemindersAsync();

        var result = await app.Sender.SendDueAsync();

        Assert.Equal(new ReminderSendResult(ids.Count, 0, 0, 0), result);
        AssertEachDeliveredOnce(ids);
        var batches = (ids.Count + SendingAppFixture.BatchSize - 1) / SendingAppFixture.BatchSize;
        Assert.Equal(6, batches);
        Assert.Equal(batches, app.Smtp.Connections);
        var messagesPerConnection = app.Smtp.Received.GroupBy(mail => mail.SessionId).Select(connection => connection.Count()).ToList();
        Assert.Equal(batches, messagesPerConnection.Count);
        Assert.All(messagesPerConnection, count => Assert.InRange(count, 1, SendingAppFixture.BatchSize));
        await AssertAllSentOnFirstAttemptAsync(ids);

        // Nothing is left: a second run opens no connection and sends nothing again.
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(batches, app.Smtp.Connections);
        AssertEachDeliveredOnce(ids);
    }

    [Fact]
    public async Task TwoAppInstancesSendingAtTheSameTimeDeliverEachReminderOnce()
    {
        var ids = await QueueDueRemindersAsync();
        var first = app.Sender;
        var second = app.SecondInstance.Services.GetRequiredService<ReminderSender>();
        Assert.NotSame(first, second);

        var (firstResult, secondResult) = await Simultaneously.RunAsync(() => first.SendDueAsync(), () => second.SendDueAsync());

        output.WriteLine($"First instance sent {firstResult.Sent}, second {secondResult.Sent}, over {app.Smtp.Connections} connections.");
        Assert.Equal(ids.Count, firstResult.Sent + secondResult.Sent);
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), firstResult with { Sent = 0 } + (secondResult with { Sent = 0 }));
        AssertEachDeliveredOnce(ids);
        await AssertAllSentOnFirstAttemptAsync(ids);
    }

    /// <summary>One due reminder of each kind for each person on each of the last few local days.</summary>
    private async Task<List<long>> QueueDueRemindersAsync()
    {
        var people = (await app.CrowdAsync(Couples)).SelectMany(couple => new[] { couple.Inviter, couple.Partner }).ToList();
        await app.StartCleanAsync();
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ids = new List<long>();
        foreach (var person in people)
        {
            // The kinds everyone has on by default (the weekly summary is opt-in).
            foreach (var kind in new[] { ReminderKind.DailyQuestion, ReminderKind.EveningGratitude, ReminderKind.PartnerActivity })
            {
                for (var day = 0; day < Days; day++)
                {
                    ids.Add(await app.Outbox.AddPendingAsync(person.Id, kind, today.AddDays(-day), now.AddMinutes(-1)));
                }
            }
        }

        Assert.Equal(288, ids.Count);
        return ids;
    }

    /// <summary>The server received exactly these reminders (by Message-ID), each once, and no other.</summary>
    private void AssertEachDeliveredOnce(IEnumerable<long> ids)
    {
        var expected = ids.Select(id => ReminderEmails.MessageIdFor(id, SendingAppFixture.MailDomain)).Order(StringComparer.Ordinal).ToList();
        var received = app.Smtp.Received.Select(mail => mail.MessageId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, received);
    }

    private async Task AssertAllSentOnFirstAttemptAsync(List<long> ids)
    {
        var now = app.Clock.GetUtcNow();
        var rows = await app.Outbox.RowsAsync(ids);
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal((ReminderStatus.Sent, 1, (DateTimeOffset?)now, (DateTimeOffset?)null, (string?)null), (row.Status, row.Attempts, row.SentUtc, row.NextAttemptUtc, row.LastError)));
    }
}
