using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Nudges;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Nudges;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Nudges;

/// <summary>Reminder preferences keep one schedule row per enabled kind, due at the person's own local time.</summary>
public sealed class SavingReminderPreferences(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SavingPlansEachEnabledKindAtTheLocalTimeInThePersonsZone()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Asia/Kolkata");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<NudgePreferencesService>();

        var result = await service.SaveAsync(new NudgePreferencesInput
        {
            QuestionNudgeOn = true,
            QuestionNudgeAt = "07:15",
            GratitudeNudgeOn = true,
            GratitudeNudgeAt = "22:00",
            PartnerActivityOn = false,
        });

        Assert.True(result.Succeeded, result.Error);
        var schedules = await SchedulesOf(kim.Id);
        Assert.Equal([NudgeKind.DailyQuestion, NudgeKind.EveningGratitude], schedules.Select(schedule => schedule.Kind).Order());
        var kolkata = TimeZoneId.Parse("Asia/Kolkata").Zone;
        var question = schedules.Single(schedule => schedule.Kind == NudgeKind.DailyQuestion);
        Assert.Equal(new TimeOnly(7, 15), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(question.NextDueUtc, kolkata).DateTime));
        Assert.True(question.NextDueUtc > DateTimeOffset.UtcNow && question.NextDueUtc <= DateTimeOffset.UtcNow.AddDays(1));
        var saved = await service.GetAsync();
        Assert.Equal("07:15", saved!.QuestionNudgeAt);
        Assert.False(saved.PartnerActivityOn);
    }

    [Fact]
    public async Task TurningAKindOffRemovesItsScheduleRow()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<NudgePreferencesService>();

        await service.SaveAsync(new NudgePreferencesInput { QuestionNudgeOn = true, GratitudeNudgeOn = true });
        await service.SaveAsync(new NudgePreferencesInput { QuestionNudgeOn = false, GratitudeNudgeOn = true });

        Assert.Equal([NudgeKind.EveningGratitude], (await SchedulesOf(kim.Id)).Select(schedule => schedule.Kind));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("eight")]
    [InlineData("")]
    public async Task ATimeThatIsNotATimeOfDayIsRefusedAndNothingChanges(string badTime)
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using var scope = app.Driver.AsUser(kim);
        var service = scope.Get<NudgePreferencesService>();
        await service.SaveAsync(new NudgePreferencesInput { QuestionNudgeOn = true, QuestionNudgeAt = "08:00", GratitudeNudgeOn = true });
        var before = (await SchedulesOf(kim.Id)).Select(schedule => (schedule.Kind, schedule.NextDueUtc)).ToList();

        var result = await service.SaveAsync(new NudgePreferencesInput { QuestionNudgeOn = true, QuestionNudgeAt = badTime, GratitudeNudgeOn = false });

        Assert.Equal("Morning question reminder: Please enter a time of day like 08:00 or 21:30 (24-hour clock).", result.Error);
        Assert.Equal(before, (await SchedulesOf(kim.Id)).Select(schedule => (schedule.Kind, schedule.NextDueUtc)).ToList());
        Assert.Equal("08:00", (await service.GetAsync())!.QuestionNudgeAt);
    }

    [Fact]
    public async Task MovingToAnotherTimeZoneReplansAtTheSameLocalTime()
    {
        var kim = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        await using (var scope = app.Driver.AsUser(kim))
        {
            await scope.Get<NudgePreferencesService>().SaveAsync(new NudgePreferencesInput { QuestionNudgeOn = true, QuestionNudgeAt = "08:00" });
        }

        await using (var services = app.Factory.Services.CreateAsyncScope())
        {
            var user = (await services.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(kim.Id))!;
            var moved = await services.ServiceProvider.GetRequiredService<AccountLifecycle>().ChangeProfileAsync(user, new ProfileInput { DisplayName = "Kim", TimeZoneId = "America/New_York" });
            Assert.True(moved.Succeeded, moved.Error);
        }

        var question = (await SchedulesOf(kim.Id)).Single(schedule => schedule.Kind == NudgeKind.DailyQuestion);
        var newYork = TimeZoneId.Parse("America/New_York").Zone;
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(question.NextDueUtc, newYork).DateTime));
    }

    private IDbContextFactory<AppDbContext> Db() => app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private async Task<List<NudgeSchedule>> SchedulesOf(string userId)
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.NudgeSchedules.AsNoTracking().Where(schedule => schedule.UserId == userId).ToListAsync();
    }
}
