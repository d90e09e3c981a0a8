using System.Diagnostics;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>The app schedules the couples' daily jobs in Hangfire's storage by itself, in the background after startup.</summary>
public sealed class DailyCoupleJobsSchedule(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(PurgeCoupleArchivesJob.RecurringJobId, "0 3 * * *")]
    [InlineData(ForgetOldInviteEmailsJob.RecurringJobId, "15 3 * * *")]
    public async Task EachDailyJobIsScheduledAtItsTime(string jobId, string expectedCron)
    {
        // Scheduling happens in the background (startup must not need the database), so wait for it, up to a limit.
        var waited = Stopwatch.StartNew();
        string? cron;
        while ((cron = await ScheduledCronAsync(jobId)) is null && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(expectedCron, cron);
    }

    private async Task<string?> ScheduledCronAsync(string jobId)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT h.value FROM hangfire.set s JOIN hangfire.hash h ON h.key = 'recurring-job:' || s.value AND h.field = 'Cron'
            WHERE s.key = 'recurring-jobs' AND s.value = @id
            """,
            connection);
        command.Parameters.AddWithValue("id", jobId);
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
