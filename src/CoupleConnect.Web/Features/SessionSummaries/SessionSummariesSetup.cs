using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.Web.Features.SessionSummaries;

public static class SessionSummariesSetup
{
    public static WebApplicationBuilder AddSessionSummaries(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SessionSummaryService>();
        builder.Services.AddSingleton<ICoupleEndHook, SessionSummariesEndWithTheCouple>();
        return builder;
    }
}
