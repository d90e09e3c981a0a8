namespace CoupleConnect.Web.Features.Nudges;

public static class NudgesSetup
{
    public static WebApplicationBuilder AddNudges(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NudgeScheduler>();
        builder.Services.AddScoped<NudgePreferencesService>();
        return builder;
    }
}
