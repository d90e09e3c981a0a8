using System.Diagnostics;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>The app schedules the daily archive purge in Hangfire's storage by itself, in the background after startup.</summary>
public sealed class ArchivePurgeSchedule(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ThePurgeIsScheduledDailyAt3()
    {
        // Scheduling happens in the background (startup must not need the database), so wait for it, up to a limit.
        var waited = Stopwatch.StartNew();
        string? cron;
        while ((cron = await ScheduledCronAsync()) is null && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal("0 3 * * *", cron);
    }

    private async Task<string?> ScheduledCronAsync()
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT h.value FROM hangfire.set s JOIN hangfire.hash h ON h.key = 'recurring-job:' || s.value AND h.field = 'Cron'
            WHERE s.key = 'recurring-jobs' AND s.value = @id
            """,
            connection);
        command.Parameters.AddWithValue("id", PurgeCoupleArchivesJob.RecurringJobId);
        try
        {
            return await command.ExecuteScalarAsync() as string;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // Hangfire has not created its schema yet
        }
    }
}
