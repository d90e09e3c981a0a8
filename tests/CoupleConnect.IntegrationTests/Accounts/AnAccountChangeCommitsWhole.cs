using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// The account row and what features keep for it (reminders) commit in one transaction: when a feature's part fails,
/// the account change doesn't happen either, so nobody is left with a new zone and reminders planned for the old one.
/// </summary>
public sealed class AnAccountChangeCommitsWhole(FailingFeatureAppFixture app) : IClassFixture<FailingFeatureAppFixture>
{
    [Fact]
    public async Task WhenAFeatureCannotSetUpANewAccountTheAccountIsNotCreated()
    {
        var email = FailingFeatureAppFixture.DoomedEmail();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.CreateConfirmedUserAsync(email));

        Assert.Equal(0, await app.Users.CountByEmailAsync(email));
    }

    [Fact]
    public async Task WhenAFeatureCannotFollowAProfileChangeTheOldNameZoneAndRemindersStay()
    {
        var person = await app.Driver.NewPersonAsync("Kim", "Europe/London");
        var plannedBefore = await SchedulesAsync(person.Id);
        Assert.NotEmpty(plannedBefore);
        FailingFeatureAppFixture.FailProfileChangesOf(person.Id);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(person.Id))!;
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<AccountLifecycle>()
                .ChangeProfileAsync(user, new ProfileInput { DisplayName = "Kim in Tokyo", TimeZoneId = "Asia/Tokyo" }));
        }

        var stored = (await app.Users.FindByEmailAsync(person.Email))!;
        Assert.Equal(("Kim", "Europe/London"), (stored.DisplayName, stored.TimeZoneId));
        Assert.Equal(plannedBefore, await SchedulesAsync(person.Id));
    }

    private async Task<List<(string Kind, DateTimeOffset Due)>> SchedulesAsync(string userId)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.ReminderSchedules.AsNoTracking().Where(schedule => schedule.UserId == userId).ToListAsync();
        return rows.Select(row => (row.Kind.ToString(), row.NextDueUtc)).Order().ToList();
    }
}

/// <summary>An app with one more account hook, which fails for accounts a test marks (after the real hooks staged their rows).</summary>
public sealed class FailingFeatureAppFixture : AppFixture
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ProfileChangesThatFail = new();

    /// <summary>An address whose new account the failing feature refuses to set up.</summary>
    public static string DoomedEmail() => UniqueEmail("doomed");

    public static void FailProfileChangesOf(string userId) => ProfileChangesThatFail[userId] = true;

    protected override void ConfigureApp(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddScoped<IAccountLifecycleHook, FailingHook>());

    private sealed class FailingHook : IAccountLifecycleHook
    {
        public async Task AccountCreatedAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
        {
            var email = await db.Users.Where(user => user.Id == userId).Select(user => user.Email).SingleAsync(cancellationToken);
            if (email!.StartsWith("doomed-", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("This feature could not set up the new account.");
            }
        }

        public Task ProfileChangedAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
            ProfileChangesThatFail.ContainsKey(userId)
                ? throw new InvalidOperationException("This feature could not follow the profile change.")
                : Task.CompletedTask;
    }
}
