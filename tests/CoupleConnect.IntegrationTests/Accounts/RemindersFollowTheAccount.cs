using System.Net;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>The account lifecycle keeps a person's reminders with them: planned when they sign up, re-planned when they move zone.</summary>
public sealed class RemindersFollowTheAccount(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SigningUpPlansTheMorningQuestionAndEveningGratitudeAtLocalTimesInTheNewPersonsZone()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Ana", TimeZoneId = "America/Sao_Paulo" };

        using (var registered = await form.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var userId = (await app.Users.FindByEmailAsync(form.Email))!.Id;
        var local = await LocalPlanAsync(userId, "America/Sao_Paulo");
        Assert.Equal([(ReminderKind.DailyQuestion, new TimeOnly(8, 0)), (ReminderKind.EveningGratitude, new TimeOnly(21, 0)), (ReminderKind.WeeklyTemperature, new TimeOnly(19, 0))], local);
    }

    [Fact]
    public async Task SigningUpWritesThePersonsReminderPreferencesRowWithTheDefaults()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Noor", TimeZoneId = "Asia/Kolkata" };

        using (var registered = await form.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var userId = (await app.Users.FindByEmailAsync(form.Email))!.Id;
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var saved = await db.ReminderPreferences.AsNoTracking().SingleAsync(preferences => preferences.UserId == userId);
        Assert.Equal(
            (true, new TimeOnly(8, 0), true, new TimeOnly(21, 0), true, false, false),
            (saved.QuestionReminderOn, saved.QuestionReminderAt, saved.GratitudeReminderOn, saved.GratitudeReminderAt, saved.PartnerActivityOn, saved.WeeklySummaryOn, saved.ShareHighlightText));
    }

    [Fact]
    public async Task SavingANewNameAndTimeZoneOnTheProfilePageReplansRemindersAtTheSameLocalTimes()
    {
        var email = await app.CreateConfirmedUserAsync(displayName: "Kim", timeZoneId: "Europe/London");
        var userId = (await app.Users.FindByEmailAsync(email))!.Id;
        Assert.Equal([(ReminderKind.DailyQuestion, new TimeOnly(8, 0)), (ReminderKind.EveningGratitude, new TimeOnly(21, 0)), (ReminderKind.WeeklyTemperature, new TimeOnly(19, 0))], await LocalPlanAsync(userId, "Europe/London"));
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using (var saved = await browser.SubmitFormAsync("/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Kim in Tokyo",
            ["Input.TimeZoneId"] = "Asia/Tokyo",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("Saved. Your partner will see the new name.", await browser.GetPageAsync("/Account/Manage"));
        var user = (await app.Users.FindByEmailAsync(email))!;
        Assert.Equal(("Kim in Tokyo", "Asia/Tokyo"), (user.DisplayName, user.TimeZoneId));
        Assert.Equal([(ReminderKind.DailyQuestion, new TimeOnly(8, 0)), (ReminderKind.EveningGratitude, new TimeOnly(21, 0)), (ReminderKind.WeeklyTemperature, new TimeOnly(19, 0))], await LocalPlanAsync(userId, "Asia/Tokyo"));
    }

    /// <summary>Each planned reminder as its kind and its due time on the clock in <paramref name="zone"/>.</summary>
    private async Task<List<(ReminderKind Kind, TimeOnly At)>> LocalPlanAsync(string userId, string zone)
    {
        var timeZone = TimeZoneId.Parse(zone).Zone;
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var schedules = await db.ReminderSchedules.AsNoTracking().Where(schedule => schedule.UserId == userId).ToListAsync();
        return schedules
            .Select(schedule => (schedule.Kind, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(schedule.NextDueUtc, timeZone).DateTime)))
            .OrderBy(plan => plan.Kind)
            .ToList();
    }
}
