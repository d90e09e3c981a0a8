using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Features.Talks;

public static class TalksSetup
{
    public static WebApplicationBuilder AddTalks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<TalksService>();

        // A talk's reminder goes through the one outbox and sender, which check it through this hook.
        services.AddSingleton<TalkReminders>();
        services.AddSingleton<IReminderSendCheck>(provider => provider.GetRequiredService<TalkReminders>());
        services.AddScoped<Accounts.IPersonalDataSource, TalkPersonalData>();
        services.AddScoped<Couples.ICoupleArchiveSource, TalkArchive>();
        services.AddScoped<SessionSummaries.ISessionSummarySource, TalkSummarySource>();
        return builder;
    }
}
