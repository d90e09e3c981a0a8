using System.Diagnostics;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// A week of the real dispatcher, run every five minutes of fake time, for a few hundred people across the world's
/// zones, through Europe's spring forward and the southern fall back: the outbox ends up holding exactly one row per
/// person, enabled kind and local day, due at that day's local time, and each schedule row always points at the next one.
/// </summary>
public sealed class DispatchingAWeekOfReminders(SpringOf2027AppFixture app, ITestOutputHelper output) : IClassFixture<SpringOf2027AppFixture>
{
    private const int SeededCoupleCount = 160;

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static readonly string[] Zones =
    [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Chatham",
        "Europe/Berlin", "Europe/Dublin", "America/Los_Angeles", "America/St_Johns", "America/Sao_Paulo", "Asia/Kathmandu",
        "Asia/Tokyo", "Australia/Sydney", "Africa/Johannesburg", "Etc/UTC",
    ];

    /// <summary>Local times that don't happen (spring forward) or happen twice (fall back) this week, and the day's edges.</summary>
    private static readonly (string Zone, string Time)[] TrickyTimes =
    [
        ("Europe/London", "01:30"), ("Europe/London", "01:00"), ("Europe/Dublin", "01:59"), ("Europe/Berlin", "02:30"),
        ("Pacific/Auckland", "02:30"), ("Pacific/Auckland", "02:00"), ("Pacific/Chatham", "03:00"), ("Australia/Sydney", "02:59"),
        ("Australia/Lord_Howe", "01:45"), ("Australia/Lord_Howe", "01:30"), ("Asia/Kolkata", "00:00"), ("America/New_York", "23:59"),
    ];

    private DispatchTables Tables => new(app.Factory.ConnectionString);

    [Fact]
    public async Task EachPersonGetsExactlyOneReminderPerEnabledKindAndLocalDayAtTheirOwnLocalTime()
    {
        var start = app.Clock.GetUtcNow();
        var end = start + Week;
        AssertTheWeekCrossesDaylightSavingChanges(start, end, "Europe/London", "Australia/Lord_Howe", "Pacific/Auckland");
        var people = await SeedPeopleAsync();
        var dueInstants = DueInstants(people, LocalDays(start, end));
        var expected = dueInstants
            .SelectMany(schedule => schedule.Value.Where(due => due.Utc > start && due.Utc <= end).Select(due => new ExpectedReminder(schedule.Key.UserId, schedule.Key.Kind, due.LocalDate, due.Utc)))
            .ToHashSet();

        var dispatcher = app.ClockedFactory.Services.GetRequiredService<ReminderDispatcher>();
        var totals = new ReminderDispatchResult(0, 0, 0);
        var timer = Stopwatch.StartNew();
        while (app.Clock.GetUtcNow() < end)
        {
            app.Clock.Advance(Step);
            var dispatched = await dispatcher.DispatchDueAsync();
            totals += dispatched;
            if (dispatched.Claimed > 0)
            {
                // After every dispatch, DST-correct: each schedule points at its next local occurrence, never a past or repeated one.
                await AssertEachScheduleIsAtItsNextOccurrenceAsync(dueInstants, app.Clock.GetUtcNow());
            }
        }

        var outbox = await Tables.OutboxAsync();
        output.WriteLine($"{people.Count} people, {expected.Count} reminders expected, {outbox.Count} written, {Week / Step} dispatcher runs in {timer.Elapsed.TotalSeconds:F1} s");
        AssertSameReminders(expected, outbox.Select(row => new ExpectedReminder(row.UserId, row.Kind, row.LocalDate, row.DueUtc)).ToList());
        Assert.All(outbox, row =>
        {
            Assert.Equal((ReminderStatus.Pending, null, row.DueUtc), (row.Status, row.SkipReason, row.NextAttemptUtc));
            Assert.InRange(row.CreatedUtc - row.DueUtc, TimeSpan.Zero, Step - TimeSpan.FromTicks(1)); // never early, at most one run late
        });
        Assert.Equal(new ReminderDispatchResult(expected.Count, expected.Count, 0), totals);

        // Running again at the same instant finds nothing due and writes nothing.
        Assert.Equal(new ReminderDispatchResult(0, 0, 0), await dispatcher.DispatchDueAsync());
        Assert.Equal(outbox.Count, await Tables.OutboxCountAsync());
    }

    private static void AssertTheWeekCrossesDaylightSavingChanges(DateTimeOffset start, DateTimeOffset end, params string[] zones)
    {
        foreach (var zone in zones.Select(id => TimeZoneId.Parse(id).Zone))
        {
            Assert.True(zone.GetUtcOffset(start) != zone.GetUtcOffset(end), $"{zone.Id} does not change its clocks between {start:u} and {end:u}.");
        }
    }

    /// <summary>
    /// 320 people written with SQL (their schedules planned by the app's own <see cref="ReminderScheduler"/>) and two
    /// couples made entirely through the app (UserManager, invite and accept, the reminders form), all paired and confirmed.
    /// </summary>
    private async Task<List<SeededPerson>> SeedPeopleAsync()
    {
        var random = new Random(20270327);
        var people = Enumerable.Range(0, SeededCoupleCount * 2).Select(index => index < TrickyTimes.Length
                ? SeededCouples.Person(TrickyTimes[index].Zone, TrickyTimes[index].Time, SeededCouples.RandomTime(random))
                : RandomPerson(random))
            .ToList();
        var couples = Enumerable.Range(0, SeededCoupleCount).Select(index => (people[2 * index], people[(2 * index) + 1])).ToList();
        await SeededCouples.SeedAsync(app.Factory.ConnectionString, couples, app.Clock.GetUtcNow());
        foreach (var person in people)
        {
            await using var scope = app.ClockedFactory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RecomputeAsync(person.Id);
        }

        people.AddRange(await CoupleThroughTheAppAsync(("America/New_York", "08:00", "21:00"), ("Europe/London", "01:30", null)));
        people.AddRange(await CoupleThroughTheAppAsync(("Australia/Lord_Howe", "01:45", "22:15"), ("Pacific/Auckland", null, "02:30")));
        return people;
    }

    private async Task<SeededPerson[]> CoupleThroughTheAppAsync(
        (string Zone, string? QuestionAt, string? GratitudeAt) inviter, (string Zone, string? QuestionAt, string? GratitudeAt) partner)
    {
        var driver = app.ClockedDriver;
        var couple = await driver.PairAsync(await driver.NewPersonAsync("Alex", inviter.Zone), await driver.NewPersonAsync("Sam", partner.Zone));
        return [await SaveRemindersAsync(couple.Inviter, inviter.QuestionAt, inviter.GratitudeAt), await SaveRemindersAsync(couple.Partner, partner.QuestionAt, partner.GratitudeAt)];
    }

    private async Task<SeededPerson> SaveRemindersAsync(TestPerson person, string? questionAt, string? gratitudeAt)
    {
        await using var scope = app.ClockedDriver.AsUser(person);
        var saved = await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput
        {
            QuestionReminderOn = questionAt is not null,
            QuestionReminderAt = questionAt ?? "08:00",
            GratitudeReminderOn = gratitudeAt is not null,
            GratitudeReminderAt = gratitudeAt ?? "21:00",
            PartnerActivityOn = true,
            WeeklyTemperatureOn = false, // daily kinds only, as the seeded people (the weekly one has its own test)
        });
        Assert.True(saved.Succeeded, saved.Error);
        return SeededCouples.Person(person.TimeZoneId, questionAt, gratitudeAt) with { Id = person.Id };
    }

    /// <summary>A person in a random zone with random minutes; one in eight has the question reminder off, one in eight the gratitude reminder.</summary>
    private static SeededPerson RandomPerson(Random random)
    {
        var zone = Zones[random.Next(Zones.Length)];
        var off = random.Next(8);
        return SeededCouples.Person(zone, off == 0 ? null : SeededCouples.RandomTime(random), off == 1 ? null : SeededCouples.RandomTime(random));
    }

    /// <summary>Every local date any zone is on during the week, with two days' margin either side.</summary>
    private static List<DateOnly> LocalDays(DateTimeOffset start, DateTimeOffset end)
    {
        var first = DateOnly.FromDateTime(start.UtcDateTime).AddDays(-2);
        var last = DateOnly.FromDateTime(end.UtcDateTime).AddDays(2);
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }

    /// <summary>The expectation, one local day at a time: when each person's enabled kinds fall due on each day, in time order.</summary>
    private static Dictionary<(string UserId, ReminderKind Kind), List<(DateOnly LocalDate, DateTimeOffset Utc)>> DueInstants(List<SeededPerson> people, List<DateOnly> days) =>
        people.SelectMany(person => person.ScheduledKinds().Select(kind => (person, kind.Kind, kind.At)))
            .ToDictionary(
                schedule => (schedule.person.Id, schedule.Kind),
                schedule => days.Select(day => (day, ReminderClock.DueOn(schedule.person.Zone, schedule.At, day))).ToList());

    private async Task AssertEachScheduleIsAtItsNextOccurrenceAsync(
        Dictionary<(string UserId, ReminderKind Kind), List<(DateOnly LocalDate, DateTimeOffset Utc)>> dueInstants, DateTimeOffset now)
    {
        var schedules = await Tables.SchedulesAsync();
        Assert.Equal(dueInstants.Count, schedules.Count);
        foreach (var (key, instants) in dueInstants)
        {
            var next = instants.First(due => due.Utc > now);
            Assert.True(
                schedules[key] == next.Utc,
                $"At {now:u}, {key.Kind} of {key.UserId} is next due {schedules[key]:u}; expected {next.Utc:u} (local day {next.LocalDate}).");
        }
    }

    private static void AssertSameReminders(HashSet<ExpectedReminder> expected, List<ExpectedReminder> written)
    {
        var missing = expected.Except(written).Take(10).ToList();
        var unexpected = written.Except(expected).Take(10).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0, $"Missing: {string.Join("; ", missing)}. Unexpected: {string.Join("; ", unexpected)}.");
        Assert.Equal(written.Count, written.Distinct().Count());
        Assert.Equal(expected.Count, written.Count);
    }

    private sealed record ExpectedReminder(string UserId, ReminderKind Kind, DateOnly LocalDate, DateTimeOffset DueUtc);
}
