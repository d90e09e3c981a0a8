using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>Reminder preferences keep one schedule row per enabled kind, due at the person's own local time.</summary>
public sealed class SavingReminderPreferences(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SavingPlansEachEnabledKindAtTheLocalTimeInThePersonsZone()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Asia/Kolkata");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<ReminderPreferencesService>();

        var result = await service.SaveAsync(new ReminderPreferencesInput
        {
            QuestionReminderOn = true,
            QuestionReminderAt = "07:15",
            GratitudeReminderOn = true,
            GratitudeReminderAt = "22:00",
            PartnerActivityOn = false,
        });

        Assert.True(result.Succeeded, result.Error);
        var schedules = await SchedulesOf(kim.Id);
        Assert.Equal([ReminderKind.DailyQuestion, ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature], schedules.Select(schedule => schedule.Kind).Order());
        var kolkata = TimeZoneId.Parse("Asia/Kolkata").Zone;
        var question = schedules.Single(schedule => schedule.Kind == ReminderKind.DailyQuestion);
        Assert.Equal(new TimeOnly(7, 15), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(question.NextDueUtc, kolkata).DateTime));
        Assert.True(question.NextDueUtc > DateTimeOffset.UtcNow && question.NextDueUtc <= DateTimeOffset.UtcNow.AddDays(1));
        var saved = await service.GetAsync();
        Assert.Equal("07:15", saved!.QuestionReminderAt);
        Assert.False(saved.PartnerActivityOn);
    }

    [Fact]
    public async Task TheHardDayEmailsAreOnForANewAccountAndTurnOffAndOnFromTheSettings()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<ReminderPreferencesService>();
        var fresh = await service.GetAsync();
        Assert.True(fresh!.TalkRemindersOn && fresh.TimeOutEmailsOn, "A new account gets the harder-days emails.");

        fresh.TimeOutEmailsOn = false;
        Assert.True((await service.SaveAsync(fresh)).Succeeded);
        var saved = await service.GetAsync();
        Assert.Equal((true, false), (saved!.TalkRemindersOn, saved.TimeOutEmailsOn));
        Assert.False(await KindOnAsync(kim.Id, ReminderKind.TimeOutNotice));
        Assert.True(await KindOnAsync(kim.Id, ReminderKind.TalkComingUp));

        saved.TimeOutEmailsOn = true;
        saved.TalkRemindersOn = false;
        Assert.True((await service.SaveAsync(saved)).Succeeded);
        Assert.True(await KindOnAsync(kim.Id, ReminderKind.TimeOutReturn));
        Assert.False(await KindOnAsync(kim.Id, ReminderKind.TalkComingUp));
    }

    [Fact]
    public async Task TurningAKindOffRemovesItsScheduleRow()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<ReminderPreferencesService>();

        await service.SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, GratitudeReminderOn = true });
        await service.SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = false, GratitudeReminderOn = true });

        Assert.Equal([ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature], (await SchedulesOf(kim.Id)).Select(schedule => schedule.Kind).Order());
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("eight")]
    [InlineData("")]
    public async Task ATimeThatIsNotATimeOfDayIsRefusedAndNothingChanges(string badTime)
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<ReminderPreferencesService>();
        await service.SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, QuestionReminderAt = "08:00", GratitudeReminderOn = true });
        var before = (await SchedulesOf(kim.Id)).Select(schedule => (schedule.Kind, schedule.NextDueUtc)).ToList();

        var result = await service.SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, QuestionReminderAt = badTime, GratitudeReminderOn = false });

        Assert.Equal("Morning question reminder: Please enter a time of day like 08:00 or 21:30.", result.Error);
        Assert.Equal(before, (await SchedulesOf(kim.Id)).Select(schedule => (schedule.Kind, schedule.NextDueUtc)).ToList());
        Assert.Equal("08:00", (await service.GetAsync())!.QuestionReminderAt);
    }

    [Fact]
    public async Task MovingToAnotherTimeZoneReplansAtTheSameLocalTime()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using (var scope = app.Driver.AsUser(kim))
        {
            await scope.Get<ReminderPreferencesService>().SaveAsync(new ReminderPreferencesInput { QuestionReminderOn = true, QuestionReminderAt = "08:00" });
        }

        await using (var services = app.Factory.Services.CreateAsyncScope())
        {
            var user = (await services.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(kim.Id))!;
            var moved = await services.ServiceProvider.GetRequiredService<AccountLifecycle>().ChangeProfileAsync(user, new ProfileInput { DisplayName = "Kim", TimeZoneId = "America/New_York" });
            Assert.True(moved.Succeeded, moved.Error);
        }

        var question = (await SchedulesOf(kim.Id)).Single(schedule => schedule.Kind == ReminderKind.DailyQuestion);
        var newYork = TimeZoneId.Parse("America/New_York").Zone;
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(question.NextDueUtc, newYork).DateTime));
    }

    private IDbContextFactory<AppDbContext> Db() => app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private async Task<List<ReminderSchedule>> SchedulesOf(string userId)
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.ReminderSchedules.AsNoTracking().Where(schedule => schedule.UserId == userId).ToListAsync();
    }

    private async Task<bool> KindOnAsync(string userId, ReminderKind kind)
    {
        await using var db = await Db().CreateDbContextAsync();
        return (await db.ReminderPreferences.AsNoTracking().SingleAsync(preferences => preferences.UserId == userId)).IsOn(kind);
    }
}
