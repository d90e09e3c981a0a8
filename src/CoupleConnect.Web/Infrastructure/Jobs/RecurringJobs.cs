using Hangfire;

namespace CoupleConnect.Web.Infrastructure.Jobs;

/// <summary>A recurring Hangfire job a feature asks for; registered once Hangfire's storage answers.</summary>
public sealed record RecurringJobDefinition(string Id, Action<IRecurringJobManager> AddOrUpdate);

public static class RecurringJobsRegistration
{
    /// <summary>Features call this from their setup; <see cref="RecurringJobsSchedule"/> registers them all at startup.</summary>
    public static IServiceCollection AddRecurringJob(this IServiceCollection services, string id, Action<IRecurringJobManager> addOrUpdate)
    {
        services.AddSingleton(new RecurringJobDefinition(id, addOrUpdate));
        if (!services.Any(service => service.ImplementationType == typeof(RecurringJobsSchedule)))
        {
            services.AddHostedService<RecurringJobsSchedule>();
        }

        return services;
    }

    /// <summary>Removes a recurring job registered under an id that is no longer used (after a rename), at startup.</summary>
    public static IServiceCollection RetireRecurringJob(this IServiceCollection services, string formerId) =>
        services.AddRecurringJob(formerId, jobs => jobs.RemoveIfExists(formerId));
}

/// <summary>
/// Registers every <see cref="RecurringJobDefinition"/> once Hangfire's storage answers. Not synchronously at startup:
/// the app must start (and /health/live answer) while PostgreSQL is unreachable, so this retries in the background.
/// </summary>
internal sealed class RecurringJobsSchedule(IEnumerable<RecurringJobDefinition> definitions, IServiceProvider services, ILogger<RecurringJobsSchedule> logger) : BackgroundService
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
                logger.LogWarning(exception, "Could not register the recurring jobs yet; trying again in {Delay}", delay);
            }

            await Task.Delay(delay, stoppingToken);
        }
    }

    private void Schedule()
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        foreach (var definition in definitions)
        {
            definition.AddOrUpdate(manager);
        }
    }
}
