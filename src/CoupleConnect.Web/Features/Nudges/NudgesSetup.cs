using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Mvc;

namespace CoupleConnect.Web.Features.Nudges;

public static class NudgesSetup
{
    public static WebApplicationBuilder AddNudges(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.SectionName);
        services.AddScoped<NudgeScheduler>();
        services.AddScoped<Accounts.IAccountLifecycleHook, NudgeAccountHook>();
        services.AddScoped<NudgePreferencesService>();
        services.AddSingleton<NudgeOutboxStore>();
        services.AddSingleton<NudgeDispatcher>();
        services.AddSingleton<NudgeSender>();
        services.AddSingleton<IReminderSendCheck, DailyReminderCheck>();
        services.AddSingleton<PartnerActivityNudges>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<UnsubscribeService>();
        services.AddScoped<NudgeStatsService>();
        services.AddScoped<DispatchNudgesJob>();
        services.AddScoped<SendNudgesJob>();
        services.AddScoped<PurgeNudgeOutboxJob>();

        // Every minute in production; the crash and two-instance benchmarks run the same jobs every few seconds.
        var cadence = builder.Configuration[NudgeOptions.JobsCronKey] is { Length: > 0 } cron ? cron : Cron.Minutely();
        services.AddRecurringJob(DispatchNudgesJob.RecurringJobId, jobs => jobs.AddOrUpdate<DispatchNudgesJob>(
            DispatchNudgesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cadence));
        services.AddRecurringJob(SendNudgesJob.RecurringJobId, jobs => jobs.AddOrUpdate<SendNudgesJob>(
            SendNudgesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cadence));
        services.AddRecurringJob(PurgeNudgeOutboxJob.RecurringJobId, jobs => jobs.AddOrUpdate<PurgeNudgeOutboxJob>(
            PurgeNudgeOutboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(4)));
        return builder;
    }

    public static WebApplication MapNudges(this WebApplication app)
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
