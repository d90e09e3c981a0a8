namespace CoupleConnect.Web.Features.Rituals;

public static class RitualsSetup
{
    public static WebApplicationBuilder AddRituals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RitualsService>();
        services.AddScoped<RitualOccurrencesService>();
        services.AddSingleton<RitualReminderDispatcher>();
        services.AddScoped<Accounts.IPersonalDataSource, RitualPersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, RitualArchive>();
        services.AddRitualCalendarFeed();
        return builder;
    }

    public static WebApplication MapRituals(this WebApplication app)
    {
        app.MapRitualCalendarFeed();
        return app;
    }
}
