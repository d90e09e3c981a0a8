using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;

namespace CoupleConnect.Web.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "CoupleConnect:Jobs";

    /// <summary>Run a Hangfire server in this process. Every instance runs one by default; they share PostgreSQL storage.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// How often the server looks for due recurring jobs and new queued jobs; empty keeps Hangfire's 15 s. Only worth
    /// lowering with a sub-minute <c>CoupleConnect:Reminders:JobsCron</c> (the crash and two-instance benchmarks).
    /// </summary>
    public double? PollIntervalSeconds { get; set; }

    internal TimeSpan? PollInterval => PollIntervalSeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;
}

public static class JobsSetup
{
    public const string Schema = "hangfire";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString();
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();

        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = true,
                    // A job lost in a crash is picked up again within minutes rather than after the 30-minute default.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    // Hangfire.PostgreSql's locks are rows; one held by a process that died (kill -9, OOM) stays until it
                    // is this old. Ours are held for milliseconds (triggering a recurring job, a state change), and the
                    // default 10 minutes stopped the reminder jobs for minutes after a crash (bench/results/crash.md).
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                }.WithQueuePollInterval(jobs.PollInterval)));

        if (jobs.RunServer)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = jobs.WorkerCount;
                if (jobs.PollInterval is { } interval)
                {
                    server.SchedulePollingInterval = interval;
                }
            });
        }

        return builder;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        // An endpoint (not middleware), so the dashboard is in the route table that the stranger sweep walks.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            DashboardTitle = "CoupleConnect jobs",
            AppPath = "/",
        });
        return app;
    }

    private static PostgreSqlStorageOptions WithQueuePollInterval(this PostgreSqlStorageOptions options, TimeSpan? interval)
    {
        if (interval is { } every)
        {
            options.QueuePollInterval = every;
        }

        return options;
    }

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(AccountsSetup.AdminRole);
    }
}
