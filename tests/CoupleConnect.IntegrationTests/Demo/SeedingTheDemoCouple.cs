using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Demo;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Demo;

/// <summary>`./run.sh --demo`: the demo couple is made through the account lifecycle, like any other people.</summary>
public sealed class SeedingTheDemoCouple(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheDemoPartnersAreConfirmedPairedAndHaveThePreferencesAndRemindersASignUpGetsAndASecondRunAddsNobody()
    {
        await SeedAsync();
        await SeedAsync();

        var alex = (await app.Users.FindByEmailAsync(DemoSeeder.AlexEmail))!;
        var sam = (await app.Users.FindByEmailAsync(DemoSeeder.SamEmail))!;
        Assert.True(alex.EmailConfirmed && sam.EmailConfirmed, "The demo accounts should be confirmed.");
        Assert.Equal(("Alex", "Sam"), (alex.DisplayName, sam.DisplayName));
        Assert.Equal(2, await app.Users.CountAllAsync());

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var couples = await db.Couples.AsNoTracking().Include(couple => couple.Members).ToListAsync();
        Assert.Equal(new[] { alex.Id, sam.Id }.Order(), Assert.Single(couples).Members.Select(member => member.UserId).Order());
        var planned = await db.ReminderSchedules.AsNoTracking().Select(schedule => new { schedule.UserId, schedule.Kind }).ToListAsync();
        foreach (var person in new[] { alex.Id, sam.Id })
        {
            Assert.Equal([ReminderKind.DailyQuestion, ReminderKind.EveningGratitude, ReminderKind.WeeklyTemperature], planned.Where(plan => plan.UserId == person).Select(plan => plan.Kind).Order());
        }

        Assert.Equal(2, await db.ReminderPreferences.CountAsync(preferences => preferences.UserId == alex.Id || preferences.UserId == sam.Id));

        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(DemoSeeder.AlexEmail, DemoSeeder.Password);
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
