using CoupleConnect.Domain.Reminders;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>Friday 26 March 2027, 12:00 UTC: Berlin springs forward on Sunday 28 March at 02:00 (02:00–02:59 doesn't happen).</summary>
public sealed class SpringForward2027AppFixture() : RitualsAppFixture(StartsAt)
{
    public static readonly DateTimeOffset StartsAt = new(2027, 3, 26, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>Friday 5 November 2027, 12:00 UTC: New York falls back on Sunday 7 November at 02:00 (01:00–01:59 happens twice).</summary>
public sealed class FallBack2027AppFixture() : RitualsAppFixture(StartsAt)
{
    public static readonly DateTimeOffset StartsAt = new(2027, 11, 5, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// A ritual at 02:30 in Berlin on the night the clocks skip 02:00–02:59 happens at 03:00 and is reminded of exactly
/// once; walked in five-minute steps of the real dispatcher, with the times written out by hand.
/// </summary>
public sealed class RemindersAcrossSpringForward(SpringForward2027AppFixture app, ITestOutputHelper output) : IClassFixture<SpringForward2027AppFixture>
{
    [Fact]
    public async Task ARitualAtAMissingLocalTimeHappensAtTheNextValidMinuteWithExactlyOneReminder()
    {
        var couple = await app.NewCoupleAsync();
        var nightly = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Night feed", new DateOnly(2027, 3, 27), "02:30"));
        var sunday = await app.ClockedDriver.CreateRitualAsync(couple.Partner, RitualForms.Weekly("Stargazing", new DateOnly(2027, 3, 27), "02:30", DayOfWeek.Sunday));

        var runs = await app.WalkAsync(new DateTimeOffset(2027, 3, 30, 6, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5));
        output.WriteLine($"{runs} dispatcher runs");

        // Daily, reminded 30 minutes ahead: 02:30 CET is 01:30 UTC; on the 28th 02:30 doesn't exist, so 03:00 CEST (01:00 UTC); then 02:30 CEST is 00:30 UTC.
        AssertReminders(couple, await app.Tables.OutboxAsync(nightly), ReminderKind.RitualReminder, [
            (new DateOnly(2027, 3, 27), Utc(27, 1, 0)),
            (new DateOnly(2027, 3, 28), Utc(28, 0, 30)),
            (new DateOnly(2027, 3, 29), Utc(29, 0, 0)),
            (new DateOnly(2027, 3, 30), Utc(30, 0, 0)),
        ]);

        // Weekly on Sundays, reminded two hours ahead of 03:00 CEST.
        AssertReminders(couple, await app.Tables.OutboxAsync(sunday), ReminderKind.RitualReminder, [(new DateOnly(2027, 3, 28), Utc(27, 23, 0))]);
        var occurrence = Assert.Single((await app.ClockedDriver.RitualAsync(couple.Inviter, sunday)).Past);
        Assert.Equal((new DateOnly(2027, 3, 28), Utc(28, 1, 0)), (occurrence.Occurrence.Day, occurrence.Occurrence.StartsUtc));
    }

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2027, 3, day, hour, minute, 0, TimeSpan.Zero);

    internal static void AssertReminders(Infrastructure.PairedCouple couple, IReadOnlyList<RitualOutboxRow> rows, ReminderKind kind, (DateOnly Day, DateTimeOffset Due)[] expected)
    {
        var each = new[] { couple.Inviter.Id, couple.Partner.Id }.SelectMany(user => expected.Select(reminder => (user, kind, reminder.Day, reminder.Due))).ToHashSet();
        Assert.Equal(each.Count, rows.Count);
        Assert.Equal(each, rows.Select(row => (row.UserId, row.Kind, row.LocalDate, row.DueUtc)).ToHashSet());
        Assert.All(rows, row => Assert.Equal(ReminderStatus.Pending, row.Status));
    }
}

/// <summary>
/// A ritual at 01:30 in New York on the night 01:00–01:59 happens twice happens once, at the first 01:30, and is
/// reminded of exactly once; the next night it is back to 01:30 EST.
/// </summary>
public sealed class RemindersAcrossFallBack(FallBack2027AppFixture app, ITestOutputHelper output) : IClassFixture<FallBack2027AppFixture>
{
    [Fact]
    public async Task ARitualAtARepeatedLocalTimeHappensOnceWithExactlyOneReminder()
    {
        var couple = await app.NewCoupleAsync(inviterZone: "America/New_York", partnerZone: "Europe/Berlin");
        var nightly = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Daily("Night feed", new DateOnly(2027, 11, 6), "01:30"));
        var sunday = await app.ClockedDriver.CreateRitualAsync(couple.Partner, RitualForms.Weekly("Stargazing", new DateOnly(2027, 11, 6), "01:30", DayOfWeek.Sunday));

        var runs = await app.WalkAsync(new DateTimeOffset(2027, 11, 8, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5));
        output.WriteLine($"{runs} dispatcher runs");

        // 01:30 EDT is 05:30 UTC (twice: the 6th, and the first 01:30 of the 7th); 01:30 EST on the 8th is 06:30 UTC.
        RemindersAcrossSpringForward.AssertReminders(couple, await app.Tables.OutboxAsync(nightly), ReminderKind.RitualReminder, [
            (new DateOnly(2027, 11, 6), Utc(6, 5, 0)),
            (new DateOnly(2027, 11, 7), Utc(7, 5, 0)),
            (new DateOnly(2027, 11, 8), Utc(8, 6, 0)),
        ]);
        RemindersAcrossSpringForward.AssertReminders(couple, await app.Tables.OutboxAsync(sunday), ReminderKind.RitualReminder, [(new DateOnly(2027, 11, 7), Utc(7, 3, 30))]);
    }

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2027, 11, day, hour, minute, 0, TimeSpan.Zero);
}
