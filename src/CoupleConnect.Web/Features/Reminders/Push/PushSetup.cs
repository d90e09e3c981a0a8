namespace CoupleConnect.Web.Features.Reminders.Push;

public static class PushSetup
{
    public static IServiceCollection AddPushReminders(this IServiceCollection services)
    {
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.SectionName);
        services.AddSingleton<PushConfiguration>();
        services.AddHttpClient(WebPushGateway.HttpClientName, (provider, client) =>
            client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<PushConfiguration>().Options.RequestTimeoutSeconds));
        services.AddSingleton<IPushGateway, WebPushGateway>();
        services.AddSingleton<PushReminderSender>();
        services.AddScoped<PushDeviceService>();
        services.AddScoped<Accounts.IPersonalDataSource, PushPersonalData>();
        return services;
    }
}
