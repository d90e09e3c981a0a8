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
                }));

        if (jobs.RunServer)
        {
            builder.Services.AddHangfireServer(server => server.WorkerCount = jobs.WorkerCount);
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

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(AccountsSetup.AdminRole);
    }
}
