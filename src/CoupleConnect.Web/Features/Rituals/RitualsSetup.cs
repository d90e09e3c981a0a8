using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Features.Rituals;

public static class RitualsSetup
{
    public static WebApplicationBuilder AddRituals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RitualsService>();
        services.AddScoped<RitualOccurrencesService>();

        // Ritual reminders go through the one reminder dispatcher and sender, which reach them through these hooks.
        services.AddSingleton<RitualReminderSource>();
        services.AddSingleton<ICoupleEndHook, RitualsEndWithTheCouple>();
        services.AddSingleton<IDueReminderSource>(provider => provider.GetRequiredService<RitualReminderSource>());
        services.AddSingleton<IReminderSendCheck>(provider => provider.GetRequiredService<RitualReminderSource>());
        services.AddScoped<Accounts.IPersonalDataSource, RitualPersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, RitualArchive>();
        services.AddScoped<SessionSummaries.ISessionSummarySource, RitualSummarySource>();
        services.AddRitualCalendarFeed();
        return builder;
    }

    public static WebApplication MapRituals(this WebApplication app)
    {
        app.MapRitualCalendarFeed();
        return app;
    }
}
