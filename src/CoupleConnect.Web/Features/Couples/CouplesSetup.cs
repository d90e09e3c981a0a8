using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoupleConnect.Web.Features.Couples;

public static class CouplesSetup
{
    public static WebApplicationBuilder AddCouples(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CouplesOptions>().BindConfiguration(CouplesOptions.SectionName);
        services.AddSingleton<UserActionThrottle>();
        services.AddSingleton<InviteCodeKey>();
        services.AddSingleton<InviteEmailAllowance>();

        // Live updates for every couple-scoped feature, relayed between instances (ADR 0010).
        services.AddSingleton<CoupleNotifier>();
        services.AddSingleton<CoupleChangeRelay>();
        services.AddHostedService<CoupleChangeListener>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CurrentCouple>();
        services.AddScoped<CoupleDb>();
        services.AddScoped<AuthorWords>();
        services.AddScoped<InviteService>();
        services.AddScoped<JoinService>();
        services.AddScoped<CoupleSettingsService>();
        services.AddScoped<CoupleLeaving>();
        services.AddScoped<FinishQuietLeavesJob>();
        services.AddRecurringJob(FinishQuietLeavesJob.RecurringJobId, jobs => jobs.AddOrUpdate<FinishQuietLeavesJob>(
            FinishQuietLeavesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely()));
        services.AddScoped<CoupleHomeService>();
        services.AddScoped<CoupleArchiveService>();
        services.AddScoped<PurgeCoupleArchivesJob>();
        services.AddRecurringJob(PurgeCoupleArchivesJob.RecurringJobId, jobs => jobs.AddOrUpdate<PurgeCoupleArchivesJob>(
            PurgeCoupleArchivesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3)));
        services.AddScoped<ForgetOldInviteEmailsJob>();
        services.AddRecurringJob(ForgetOldInviteEmailsJob.RecurringJobId, jobs => jobs.AddOrUpdate<ForgetOldInviteEmailsJob>(
            ForgetOldInviteEmailsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 15)));
        services.AddScoped<IPersonalDataSource, CouplePersonalData>();
        services.AddScoped<IAccountLifecycleHook, CoupleAccountHook>();
        return builder;
    }

    public static WebApplication MapCouples(this WebApplication app)
    {
        // The ended couple's archive as JSON, for one of its two former partners only; anyone else gets 404.
        app.MapGet("/couple/archive/export", async (HttpContext context, [FromServices] UserManager<ApplicationUser> users, [FromServices] CoupleArchiveService archives) =>
        {
            var userId = users.GetUserId(context.User);
            var json = userId is null ? null : await archives.ExportAsync(userId, context.RequestAborted);
            return json is null
                ? Results.NotFound()
                : Results.File(json, "application/json", "CoupleConnect-couple-archive.json");
        }).RequireAuthorization();
        return app;
    }
}
