namespace CoupleConnect.Web.Features.Goals;

public static class GoalsSetup
{
    public static WebApplicationBuilder AddGoals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GoalsService>();
        services.AddScoped<Accounts.IPersonalDataSource, GoalPersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, GoalArchive>();
        services.AddScoped<SessionSummaries.ISessionSummarySource, GoalSummarySource>();
        return builder;
    }
}
