using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CoupleConnect.IntegrationTests.Rituals.RitualsDriving;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// Ritual reminders through the real minutely dispatch and the reminder outbox, with the fake clock walked forward: exactly
/// one outbox row per occurrence, kind and partner, due at the chosen lead time before the home-zone start; never a
/// duplicate, however often or concurrently the dispatcher runs. Tests work from the clock's "now", whatever ran before.
/// </summary>
public sealed class DispatchingRitualReminders(March2027AppFixture app, ITestOutputHelper output) : IClassFixture<March2027AppFixture>
{
    private const string Berlin = RitualsAppFixture.HomeZone;

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task ThreeWeeksOfTheMinutelyJobGiveEachPartnerExactlyOneReminderPerOccurrence()
    {
        var couple = await app.NewCoupleAsync();
        var start = app.Clock.GetUtcNow();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Date night", today, "19:30", DayOfWeek.Tuesday, DayOfWeek.Friday));
        var end = start + TimeSpan.FromDays(21);
        var job = ActivatorUtilities.CreateInstance<DispatchRemindersJob>(app.ClockedFactory.Services);

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var runs = await app.WalkAsync(end, Step, () => job.RunAsync(CancellationToken.None));
        output.WriteLine($"{runs} runs of the minutely job in {timer.Elapsed.TotalSeconds:F1} s");

        var dues = DaysBetween(today, app.Today(), DayOfWeek.Tuesday, DayOfWeek.Friday)
            .Select(day => (Day: day, Due: At(Berlin, day, "19:30") - TimeSpan.FromHours(2)))
            .Where(reminder => reminder.Due > start && reminder.Due <= end)
            .ToList();
        Assert.Equal(6, dues.Count); // three weeks: three Tuesdays and three Fridays
        var expected = new[] { couple.Inviter.Id, couple.Partner.Id }
            .SelectMany(user => dues.Select(reminder => (user, ReminderKind.RitualReminder, reminder.Day, reminder.Due)))
            .ToHashSet();
        var rows = await app.Tables.OutboxAsync(id);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected, rows.Select(row => (row.UserId, row.Kind, row.LocalDate, row.DueUtc)).ToHashSet());
        Assert.All(rows, row =>
        {
            Assert.Equal((ReminderStatus.Pending, (ReminderSkipReason?)null), (row.Status, row.SkipReason));
            Assert.InRange(row.CreatedUtc - row.DueUtc, TimeSpan.Zero, Step - TimeSpan.FromTicks(1)); // never early, at most one run late
        });

        // Each bookmark waits at the next reminder; another run at the same instant writes nothing.
        var next = Assert.Single(DaysBetween(app.Today(), app.Today().AddDays(7), DayOfWeek.Tuesday, DayOfWeek.Friday)
            .Select(day => At(Berlin, day, "17:30")).Where(due => due > end).Order().Take(1));
        Assert.All(await app.Tables.RemindersAsync(id), reminder => Assert.Equal(next, reminder.NextDueUtc));
        Assert.Equal(0, await app.Dispatcher.DispatchDueAsync());
        Assert.Equal(rows.Count, (await app.Tables.OutboxAsync(id)).Count);
    }

    [Fact]
    public async Task DispatchersRunningAtOnceAndAReplayedBookmarkNeverDuplicateAReminder()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var days = new[] { today.AddDays(1).DayOfWeek, today.AddDays(3).DayOfWeek, today.AddDays(4).DayOfWeek };
        // Two rituals at the same time on the same days: the same person, kind and day, told apart by the ritual.
        var yoga = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Yoga", today, "20:00", days));
        var tea = await Driver.CreateRitualAsync(couple.Partner, RitualForms.Weekly("Tea after yoga", today, "20:00", days));
        var second = new RitualDispatch(app.ClockedFactory.Services, asAnotherInstance: true); // as another app instance's

        var occurrences = new List<DateOnly>();
        for (var round = 0; round < 5; round++)
        {
            var reminders = (await app.Tables.RemindersAsync(yoga)).Concat(await app.Tables.RemindersAsync(tea)).ToList();
            Assert.Equal(4, reminders.Count);
            var due = Assert.Single(reminders.Select(reminder => reminder.NextDueUtc).Distinct());
            Assert.NotNull(due);
            occurrences.Add(reminders[0].NextOccurrenceDay!.Value);
            app.Clock.SetUtcNow(due.Value + TimeSpan.FromSeconds(30));

            await Simultaneously.RunAsync(() => app.Dispatcher.DispatchDueAsync(), () => second.DispatchDueAsync());
        }

        foreach (var ritual in new[] { yoga, tea })
        {
            var rows = await app.Tables.OutboxAsync(ritual);
            var expected = new[] { couple.Inviter.Id, couple.Partner.Id }.SelectMany(user => occurrences.Select(day => (user, day))).ToHashSet();
            Assert.Equal(expected.Count, rows.Count);
            Assert.Equal(expected, rows.Select(row => (row.UserId, row.LocalDate)).ToHashSet());
        }

        // A bookmark put back on a reminder already written (a crash between insert and commit, a stale copy of
        // the row) writes nothing new, queues nothing, and moves on to the same next reminder.
        var last = (await app.Tables.OutboxAsync(yoga)).Single(row => row.UserId == couple.Partner.Id && row.LocalDate == occurrences[^1]);
        var bookmark = await app.Tables.ReminderAsync(yoga, couple.Partner.Id);
        await app.Tables.RewindBookmarkAsync(yoga, couple.Partner.Id, last.DueUtc, last.LocalDate, ReminderKind.RitualReminder);

        Assert.Equal(0, await app.Dispatcher.DispatchDueAsync());

        Assert.Equal(10, (await app.Tables.OutboxAsync(yoga)).Count);
        Assert.Equal(bookmark, await app.Tables.ReminderAsync(yoga, couple.Partner.Id));
    }

    [Fact]
    public async Task AMonthlyRitualGetsADayBeforeReminderAndALeadReminderForEachOccurrence()
    {
        var couple = await app.NewCoupleAsync();
        var start = app.Clock.GetUtcNow();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.MonthlyOnDay("Budget evening", today, "19:00", 10));
        var until = start + TimeSpan.FromDays(100);

        var runs = await app.JumpThroughRemindersAsync([id], until);

        var expected = new HashSet<(string, ReminderKind, DateOnly, DateTimeOffset)>();
        for (var day = today; day <= app.Today(); day = day.AddDays(1))
        {
            if (day.Day != 10)
            {
                continue;
            }

            foreach (var user in new[] { couple.Inviter.Id, couple.Partner.Id })
            {
                expected.Add((user, ReminderKind.RitualDayBefore, day, At(Berlin, day.AddDays(-1), "19:00")));
                expected.Add((user, ReminderKind.RitualReminder, day, At(Berlin, day, "17:00")));
            }
        }

        expected.RemoveWhere(reminder => reminder.Item4 <= start || reminder.Item4 > until);
        Assert.True(expected.Count >= 10, $"Only {expected.Count} reminders expected in 100 days."); // three or four occurrences
        var rows = await app.Tables.OutboxAsync(id);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected, rows.Select(row => (row.UserId, row.Kind, row.LocalDate, row.DueUtc)).ToHashSet());
        output.WriteLine($"{rows.Count} reminders in {runs} dispatcher runs");
    }

    [Fact]
    public async Task AfterAnOutageLateRemindersAreSkippedAsStaleAndNotReplayed()
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Evening tea", today, "20:00"));
        var first = (await app.Tables.ReminderAsync(id, couple.Inviter.Id)).NextOccurrenceDay!.Value;

        // Two hours late: still written to send, but the ritual has begun by then, so the sender drops it.
        app.Clock.SetUtcNow(At(Berlin, first, "19:30") + TimeSpan.FromHours(2));
        await app.Dispatcher.DispatchDueAsync();
        Assert.All(await app.Tables.OutboxAsync(id), row => Assert.Equal((first, ReminderStatus.Pending), (row.LocalDate, row.Status)));
        await app.ClockedFactory.Services.GetRequiredService<ReminderSender>().SendDueAsync();
        var late = await app.Tables.OutboxAsync(id);
        Assert.Equal(2, late.Count);
        Assert.All(late, row => Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.Stale), (row.Status, row.SkipReason)));

        // Down for three days, back 90 minutes after the third day's reminder: the one the bookmark held is written as
        // stale, the two days in between are not replayed, and the third day's (within the three-hour limit) still goes.
        var second = first.AddDays(1);
        app.Clock.SetUtcNow(At(Berlin, second.AddDays(3), "19:30") + TimeSpan.FromMinutes(90));
        await app.Dispatcher.DispatchDueAsync();
        await app.Dispatcher.DispatchDueAsync();
        var afterOutage = (await app.Tables.OutboxAsync(id)).Where(row => row.LocalDate > first).ToList();
        Assert.Equal(
            new HashSet<(string, DateOnly, ReminderStatus, ReminderSkipReason?)>
            {
                (couple.Inviter.Id, second, ReminderStatus.Skipped, ReminderSkipReason.Stale), (couple.Partner.Id, second, ReminderStatus.Skipped, ReminderSkipReason.Stale),
                (couple.Inviter.Id, second.AddDays(3), ReminderStatus.Pending, null), (couple.Partner.Id, second.AddDays(3), ReminderStatus.Pending, null),
            },
            afterOutage.Select(row => (row.UserId, row.LocalDate, row.Status, row.SkipReason)).ToHashSet());
        Assert.Equal(4, afterOutage.Count);
        Assert.All(await app.Tables.RemindersAsync(id), reminder => Assert.Equal(At(Berlin, second.AddDays(4), "19:30"), reminder.NextDueUtc));
    }

    [Fact]
    public async Task EachPartnerGetsTheirOwnLeadTimeAndAPartnerWhoTurnedRemindersOffGetsNone()
    {
        var couple = await app.NewCoupleAsync();
        var start = app.Clock.GetUtcNow();
        var today = app.Today();
        var days = new[] { today.AddDays(2).DayOfWeek, today.AddDays(5).DayOfWeek };
        var id = await Driver.CreateRitualAsync(couple.Partner, RitualForms.Weekly("Language exchange", today, "18:15", days));
        await Driver.SetReminderAsync(couple.Inviter, id, true, 45);
        await Driver.SetReminderAsync(couple.Partner, id, false, 120);
        Assert.Null((await app.Tables.ReminderAsync(id, couple.Partner.Id)).NextDueUtc);

        var until = start + TimeSpan.FromDays(8);
        await app.JumpThroughRemindersAsync([id], until);

        var expected = DaysBetween(today, app.Today(), days)
            .Select(day => (couple.Inviter.Id, day, At(Berlin, day, "18:15") - TimeSpan.FromMinutes(45)))
            .Where(reminder => reminder.Item3 > start && reminder.Item3 <= until)
            .ToHashSet();
        Assert.InRange(expected.Count, 2, 3);
        var rows = await app.Tables.OutboxAsync(id);
        Assert.Equal(expected, rows.Select(row => (row.UserId, row.LocalDate, row.DueUtc)).ToHashSet());
        Assert.Equal(expected.Count, rows.Count);

        // Turned back on, the partner's reminders start again from now, with the lead chosen now.
        await Driver.SetReminderAsync(couple.Partner, id, true, 60);
        var partner = await app.Tables.ReminderAsync(id, couple.Partner.Id);
        var nextDay = DaysBetween(app.Today(), app.Today().AddDays(7), days).First(day => At(Berlin, day, "18:15") - TimeSpan.FromHours(1) > app.Clock.GetUtcNow());
        Assert.Equal((true, 60, (DateTimeOffset?)(At(Berlin, nextDay, "18:15") - TimeSpan.FromHours(1))), (partner.IsOn, partner.LeadMinutes, partner.NextDueUtc));
    }
}
