using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders.Push;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Mvc;

namespace CoupleConnect.Web.Features.Reminders;

public static class RemindersSetup
{
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The section was called "Nudges" before the reminder engine took the product's word; an installation's old
        // settings still apply, and the new section wins where both say something.
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.FormerSectionName).BindConfiguration(ReminderOptions.SectionName);
        services.AddScoped<ReminderScheduler>();
        services.AddScoped<Accounts.IAccountLifecycleHook, ReminderAccountHook>();
        services.AddScoped<ReminderPreferencesService>();
        services.AddSingleton<ReminderOutboxStore>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderSender>();
        services.AddPushReminders();
        services.AddSingleton<IReminderSendCheck, DailyReminderCheck>();
        services.AddSingleton<PartnerLeftNotice>();
        services.AddSingleton<IReminderSendCheck>(provider => provider.GetRequiredService<PartnerLeftNotice>());
        services.AddSingleton<ICoupleEndHook>(provider => provider.GetRequiredService<PartnerLeftNotice>());
        services.AddSingleton<PartnerActivityReminders>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<UnsubscribeService>();
        services.AddScoped<ReminderStatsService>();
        services.AddScoped<DispatchRemindersJob>();
        services.AddScoped<SendRemindersJob>();
        services.AddScoped<PurgeReminderOutboxJob>();

        // Every minute in production; the crash and two-instance benchmarks run the same jobs every few seconds.
        var cadence = (builder.Configuration[ReminderOptions.JobsCronKey] ?? builder.Configuration[ReminderOptions.FormerSectionName + ":JobsCron"]) is { Length: > 0 } cron
            ? cron
            : Cron.Minutely();
        services.AddRecurringJob(DispatchRemindersJob.RecurringJobId, jobs => jobs.AddOrUpdate<DispatchRemindersJob>(
            DispatchRemindersJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cadence));
        services.AddRecurringJob(SendRemindersJob.RecurringJobId, jobs => jobs.AddOrUpdate<SendRemindersJob>(
            SendRemindersJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cadence));
        services.AddRecurringJob(PurgeReminderOutboxJob.RecurringJobId, jobs => jobs.AddOrUpdate<PurgeReminderOutboxJob>(
            PurgeReminderOutboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(4)));

        // Their ids before the rename: an upgraded installation must not keep running jobs whose types are gone.
        services.RetireRecurringJob("nudges:dispatch");
        services.RetireRecurringJob("nudges:send");
        services.RetireRecurringJob("nudges:purge-outbox");
        return builder;
    }

    public static WebApplication MapReminders(this WebApplication app)
    {
        // RFC 8058 one-click unsubscribe: the mail app POSTs "List-Unsubscribe=One-Click" here, with no cookies and no
        // antiforgery token; the signed token in the address is the proof. Bad tokens change nothing.
        app.MapPost("/unsubscribe/one-click", async ([FromQuery] string? token, [FromServices] UnsubscribeService unsubscribe, CancellationToken cancellationToken) =>
        {
            var result = await unsubscribe.TurnOffAsync(token, cancellationToken);
            return result.Succeeded
                ? Results.Text($"Unsubscribed: you won't get {result.Value!.KindName} any more.")
                : Results.Text(result.Error, statusCode: StatusCodes.Status400BadRequest);
        }).DisableAntiforgery().AllowAnonymous();
        return app;
    }
}
