using System.Diagnostics;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// Issue 8, "Outage": the mail server refuses connections for four hours while the minutely dispatch and send jobs keep
/// running on the fake clock, minute by minute. Reminders due more than the staleness limit before the server came back
/// are dropped (Skipped, Stale) and never sent; the others go out exactly once, in the recovery minute, over one
/// connection per batch; later ones at their own minute. Nobody gets more than one email per kind and local day.
/// Its own app, database and SMTP server (the sending fixture, not shared), so nothing else is dispatched.
/// </summary>
public sealed class SurvivingAMailOutage(SendingAppFixture app, ITestOutputHelper output) : IClassFixture<SendingAppFixture>
{
    private const int Couples = 40;

    private static readonly TimeSpan Outage = TimeSpan.FromHours(4);

    /// <summary>After the recovery, half an hour more of ordinary minutes.</summary>
    private static readonly TimeSpan Afterwards = TimeSpan.FromMinutes(30);

    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland", "Etc/UTC"];

    private DispatchTables Tables => new(app.ConnectionString);

    [Fact]
    public async Task StaleRemindersAreDroppedAndCurrentOnesSentOnceWhenTheServerComesBack()
    {
        var start = NextWholeMinute(app.Clock.GetUtcNow()) + TimeSpan.FromMinutes(1);
        var recovery = start + Outage;
        var end = recovery + Afterwards;
        var expected = await SeedPeopleDueThroughTheOutageAsync(start, end);
        await app.StartCleanAsync();
        await app.Smtp.StopAsync();

        var dispatch = ActivatorUtilities.CreateInstance<DispatchRemindersJob>(app.App.Services);
        var send = ActivatorUtilities.CreateInstance<SendRemindersJob>(app.App.Services);
        var timer = Stopwatch.StartNew();
        app.Clock.SetUtcNow(start - TimeSpan.FromMinutes(1));
        var connectionsAtRecovery = 0;
        while (app.Clock.GetUtcNow() < end)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            if (app.Clock.GetUtcNow() == recovery)
            {
                await AssertNothingSentAndNoAttemptSpentAsync();
                await app.Smtp.StartAgainAsync();
            }

            await dispatch.RunAsync(CancellationToken.None);
            await send.RunAsync(CancellationToken.None);
            if (app.Clock.GetUtcNow() == recovery)
            {
                connectionsAtRecovery = app.Smtp.Connections;
            }
        }

        var rows = (await Tables.OutboxAsync()).ToDictionary(row => row.Id);
        var sending = (await app.Outbox.RowsAsync(rows.Keys.ToList())).ToDictionary(row => row.Id);
        var stale = expected.Where(reminder => ReminderClock.IsStale(reminder.DueUtc, recovery)).ToHashSet();
        var sentAtRecovery = expected.Where(reminder => reminder.DueUtc <= recovery && !stale.Contains(reminder)).ToHashSet();
        output.WriteLine($"{expected.Count} reminders due over {(end - start).TotalHours:0.#} h: {stale.Count} stale, {sentAtRecovery.Count} sent at recovery over {connectionsAtRecovery} connections, {expected.Count - stale.Count - sentAtRecovery.Count} after; {(end - start).TotalMinutes:0} minutes walked in {timer.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(stale.Count, 20, expected.Count / 2); // the scenario covers each case with plenty of rows
        Assert.InRange(sentAtRecovery.Count, 60, expected.Count);
        Assert.InRange(expected.Count - stale.Count - sentAtRecovery.Count, 5, expected.Count);

        // The dispatcher kept writing the outbox on time throughout: one row per reminder due, no more.
        Assert.Equal(expected, rows.Values.Select(row => new ExpectedReminder(row.UserId, row.Kind, row.LocalDate, row.DueUtc)).ToHashSet());
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows.Values)
        {
            var reminder = new ExpectedReminder(row.UserId, row.Kind, row.LocalDate, row.DueUtc);
            var sent = sending[row.Id];
            if (stale.Contains(reminder))
            {
                Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.Stale, 0, (DateTimeOffset?)null), (row.Status, row.SkipReason, sent.Attempts, sent.SentUtc));
            }
            else
            {
                // Waiting for an unreachable server spends no attempt: one try, when it answered (or on time, after).
                var sentAt = sentAtRecovery.Contains(reminder) ? recovery : row.DueUtc;
                Assert.Equal((ReminderStatus.Sent, 1, (DateTimeOffset?)sentAt), (row.Status, sent.Attempts, sent.SentUtc));
            }
        }

        // The server saw each sent reminder exactly once, never a stale one, and nobody more than one per kind and local day.
        var received = app.Smtp.Received.Select(mail => mail.MessageId).ToList();
        var sentIds = rows.Values.Where(row => row.Status == ReminderStatus.Sent).Select(row => ReminderEmails.MessageIdFor(row.Id, SendingAppFixture.MailDomain));
        Assert.Equal(sentIds.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
        var perRecipientKindAndDay = app.Smtp.Received
            .Select(mail => rows[OutboxIdOf(mail.MessageId)])
            .GroupBy(row => (row.UserId, row.Kind, row.LocalDate))
            .Select(group => group.Count());
        Assert.All(perRecipientKindAndDay, count => Assert.Equal(1, count));
        Assert.All(app.Smtp.Received.GroupBy(mail => mail.Message.To.Mailboxes.Single().Address), mails => Assert.InRange(mails.Count(), 1, 2));

        // The recovery is one burst of batches, not a connection per waiting reminder or per minute of outage. A batch
        // may also hold rows that only turned stale in the last minutes (skipped then, without sending), hence the range.
        Assert.InRange(connectionsAtRecovery, Batches(sentAtRecovery.Count), Batches(sentAtRecovery.Count + stale.Count));
    }

    /// <summary>
    /// Paired, confirmed people in six zones (half- and quarter-hour offsets among them) whose chosen local times fall
    /// every few minutes from the first minute of the outage to the end of the walk: the question for the first 4 h,
    /// the evening reminder spread over the whole 4.5 h. Their schedules come from the app's own <see cref="ReminderScheduler"/>.
    /// </summary>
    private async Task<HashSet<ExpectedReminder>> SeedPeopleDueThroughTheOutageAsync(DateTimeOffset start, DateTimeOffset end)
    {
        var minutes = (int)(end - start).TotalMinutes;
        var people = Enumerable.Range(0, Couples * 2).Select(index =>
        {
            var zone = TimeZoneId.Parse(Zones[index % Zones.Length]);
            var questionDue = start + TimeSpan.FromMinutes(index * 3);
            var gratitudeDue = start + TimeSpan.FromMinutes(((index * 7) + 120) % (minutes + 1));
            var person = SeededCouples.Person(zone.Value, LocalTime(zone, questionDue), LocalTime(zone, gratitudeDue));
            return (Person: person, Due: new[] { (ReminderKind.DailyQuestion, questionDue), (ReminderKind.EveningGratitude, gratitudeDue) });
        }).ToList();
        var couples = Enumerable.Range(0, Couples).Select(index => (people[2 * index].Person, people[(2 * index) + 1].Person)).ToList();
        await SeededCouples.SeedAsync(app.ConnectionString, couples, app.Clock.GetUtcNow());
        foreach (var (person, _) in people)
        {
            await using var scope = app.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RecomputeAsync(person.Id);
        }

        var expected = people
            .SelectMany(entry => entry.Due.Select(due => new ExpectedReminder(entry.Person.Id, due.Item1, ReminderClock.LocalDateOf(entry.Person.Zone, due.Item2), due.Item2)))
            .ToHashSet();

        // The app's own scheduler agrees: each person's next reminders are exactly these instants.
        var schedules = await Tables.SchedulesAsync();
        Assert.All(expected, reminder => Assert.Equal(reminder.DueUtc, schedules[(reminder.UserId, reminder.Kind)]));
        return expected;
    }

    private async Task AssertNothingSentAndNoAttemptSpentAsync()
    {
        Assert.Empty(app.Smtp.Received);
        var rows = await Tables.OutboxAsync();
        var waiting = await app.Outbox.RowsAsync(rows.Select(row => row.Id).ToList());
        Assert.All(waiting, row => Assert.Equal(0, row.Attempts));
        Assert.DoesNotContain(rows, row => row.Status is ReminderStatus.Sent or ReminderStatus.Failed);
        Assert.Contains(waiting, row => row.LastError?.Contains("Could not connect", StringComparison.Ordinal) == true);
    }

    private static int Batches(int rows) => (rows + SendingAppFixture.BatchSize - 1) / SendingAppFixture.BatchSize;

    private static string LocalTime(TimeZoneId zone, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset NextWholeMinute(DateTimeOffset instant) =>
        new DateTimeOffset(instant.UtcDateTime.Ticks - (instant.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero) + TimeSpan.FromMinutes(1);

    private static long OutboxIdOf(string messageId) =>
        long.Parse(messageId["reminder-".Length..messageId.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ExpectedReminder(string UserId, ReminderKind Kind, DateOnly LocalDate, DateTimeOffset DueUtc);
}
