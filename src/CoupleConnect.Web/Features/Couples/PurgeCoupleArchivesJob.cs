using Hangfire;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>Daily Hangfire job: thin, idempotent, delegates to the service.</summary>
public sealed class PurgeCoupleArchivesJob(CoupleArchiveService archives)
{
    public const string RecurringJobId = "couples:purge-archives";

    public Task RunAsync(CancellationToken cancellationToken) => archives.PurgeExpiredAsync(cancellationToken);
}

/// <summary>
/// Schedules <see cref="PurgeCoupleArchivesJob"/> daily once Hangfire's storage answers. Not synchronously at startup:
/// the app must start (and /health/live answer) while PostgreSQL is unreachable, so this retries in the background.
/// </summary>
internal sealed class PurgeCoupleArchivesSchedule(IServiceProvider services, ILogger<PurgeCoupleArchivesSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(2); ; delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay)
        {
            try
            {
                // Hangfire's call is synchronous and, with the database down, blocks for its lock timeout (a minute):
                // run it off the startup path and stop waiting for it when the app shuts down.
                await Task.Run(Schedule, stoppingToken).WaitAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not schedule the daily archive purge yet; trying again in {Delay}", delay);
            }

            await Task.Delay(delay, stoppingToken);
        }
    }

    private void Schedule() =>
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<PurgeCoupleArchivesJob>(PurgeCoupleArchivesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
}
