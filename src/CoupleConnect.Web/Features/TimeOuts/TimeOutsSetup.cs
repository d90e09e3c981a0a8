using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Features.TimeOuts;

public static class TimeOutsSetup
{
    public static WebApplicationBuilder AddTimeOuts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<TimeOutService>();
        services.AddSingleton<TimeOutReminders>();

        // The one reminder sender asks this, right before sending, whether a time-out email still holds.
        services.AddSingleton<IReminderSendCheck, TimeOutReminderCheck>();
        services.AddScoped<Accounts.IPersonalDataSource, TimeOutPersonalData>();
        services.AddScoped<SessionSummaries.ISessionSummarySource, TimeOutSummarySource>();
        return builder;
    }
}
