namespace CoupleConnect.Web.Features.Temperature;

public static class TemperatureSetup
{
    public static WebApplicationBuilder AddTemperature(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<TemperatureService>();
        services.AddScoped<Accounts.IPersonalDataSource, TemperaturePersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, TemperatureArchive>();
        services.AddSingleton<Reminders.IReminderSendCheck, TemperatureReminderCheck>();
        services.AddScoped<SessionSummaries.ISessionSummarySource, TemperatureSummarySource>();
        return builder;
    }
}
