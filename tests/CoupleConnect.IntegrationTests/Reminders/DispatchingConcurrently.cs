using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// Several app instances run the every-minute dispatch at the same moment (ADR 0011: "safe with several Hangfire
/// servers"). Each has its own connection pool and claims small batches, so their claims interleave over the same rows;
/// FOR UPDATE SKIP LOCKED must hand each due row to exactly one of them.
/// </summary>
public sealed class DispatchingConcurrently(SpringOf2027AppFixture app, ITestOutputHelper output) : IClassFixture<SpringOf2027AppFixture>
{
    private const int CoupleCount = 400;

    private const int BatchSize = 25;

    private static readonly string[] Zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Auckland", "Asia/Tokyo", "Etc/UTC"];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task DispatchersRunningAtOnceWriteEachDueReminderExactlyOnce(int instances)
    {
        var now = app.Clock.GetUtcNow();
        var random = new Random(instances);
        var people = Enumerable.Range(0, CoupleCount * 2).Select(_ => SeededCouples.Person(Zones[random.Next(Zones.Length)], SeededCouples.RandomTime(random), SeededCouples.RandomTime(random))).ToList();
        await SeededCouples.SeedAsync(app.Factory.ConnectionString, Enumerable.Range(0, CoupleCount).Select(index => (people[2 * index], people[(2 * index) + 1])).ToList(), now);

        // Every row due within the last three hours: all of them should go out, none is stale.
        var due = people.SelectMany(person => person.ScheduledKinds().Select(kind => (person, kind.Kind, DueUtc: now.AddMinutes(-random.Next(180))))).ToList();
        await SeededCouples.ScheduleAsync(app.Factory.ConnectionString, due.Select(row => (row.person.Id, row.Kind, row.DueUtc)).ToList());
        var expected = due.Select(row => (row.person.Id, row.Kind, ReminderClock.LocalDateOf(row.person.Zone, row.DueUtc), row.DueUtc)).ToHashSet();

        var dataSources = Enumerable.Range(0, instances).Select(_ => NpgsqlDataSource.Create(app.Factory.ConnectionString)).ToList();
        try
        {
            var results = await AllAtOnceAsync(await WarmedUpAsync(dataSources));
            output.WriteLine($"{expected.Count} due rows claimed by {instances} dispatchers as {string.Join(" + ", results.Select(result => result.Claimed))}");

            Assert.Equal(expected.Count, results.Sum(result => result.Claimed));
            Assert.Equal(expected.Count, results.Sum(result => result.Pending));

            // Nothing was left behind by a dispatcher that stopped early.
            Assert.Equal(new ReminderDispatchResult(0, 0, 0), await NewDispatcher(dataSources[0]).DispatchDueAsync());
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }

        var ours = people.Select(person => person.Id).ToHashSet();
        var written = (await new DispatchTables(app.Factory.ConnectionString).OutboxAsync()).Where(row => ours.Contains(row.UserId)).ToList();
        Assert.Equal(expected.Count, written.Count);
        Assert.Equal(expected, written.Select(row => (row.UserId, row.Kind, row.LocalDate, row.DueUtc)).ToHashSet());
        Assert.All(written, row => Assert.Equal(ReminderStatus.Pending, row.Status));

        var schedules = await new DispatchTables(app.Factory.ConnectionString).SchedulesAsync();
        Assert.All(due, row => Assert.True(schedules[(row.person.Id, row.Kind)] > now));
    }

    /// <summary>A dispatcher as another app instance would run it: its own connection pool, the shared fake clock, small batches.</summary>
    private ReminderDispatcher NewDispatcher(NpgsqlDataSource dataSource) =>
        new(dataSource, app.Clock, Options.Create(new ReminderOptions { DispatchBatchSize = BatchSize }), NullLogger<ReminderDispatcher>.Instance);

    /// <summary>One dispatcher per data source, each with an open connection in its pool, so the race isn't decided by who connects first.</summary>
    private async Task<List<ReminderDispatcher>> WarmedUpAsync(List<NpgsqlDataSource> dataSources)
    {
        foreach (var dataSource in dataSources)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
        }

        return dataSources.Select(NewDispatcher).ToList();
    }

    private static async Task<ReminderDispatchResult[]> AllAtOnceAsync(List<ReminderDispatcher> dispatchers)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            await gate.Task;
            return await dispatcher.DispatchDueAsync();
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(runs);
    }

}
