namespace CoupleConnect.Web.Features.Positives;

public static class PositivesSetup
{
    public static WebApplicationBuilder AddPositives(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PositivesService>();
        builder.Services.AddScoped<Accounts.IPersonalDataSource, PositivePersonalData>();
        builder.Services.AddScoped<Couples.ICoupleArchiveSource, PositiveArchive>();
        builder.Services.AddScoped<SessionSummaries.ISessionSummarySource, PositiveSummarySource>();
        return builder;
    }
}
