namespace CoupleConnect.Web.Features.Story;

public static class StorySetup
{
    public static WebApplicationBuilder AddStory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<StoryService>();
        services.AddScoped<Accounts.IPersonalDataSource, StoryPersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, StoryArchive>();
        services.AddScoped<SessionSummaries.ISessionSummarySource, StorySummarySource>();
        return builder;
    }
}
