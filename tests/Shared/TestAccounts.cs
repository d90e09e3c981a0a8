using CoupleConnect.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// Confirmed accounts for tests that start signed in, made the way the app makes every account (its
/// <see cref="AccountLifecycle"/>: the same defaults and reminders a sign-up gets). Sign-up itself is tested through its form.
/// </summary>
public static class TestAccounts
{
    /// <summary>A confirmed account on the app behind <paramref name="services"/>; fails the test if it can't be made.</summary>
    public static async Task<ApplicationUser> CreateConfirmedAsync(IServiceProvider services, string email, string password, string displayName, string timeZoneId = "Europe/Berlin")
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountLifecycle>().CreateConfirmedAsync(new NewAccount(email, displayName, timeZoneId, password));
        Assert.True(created.Succeeded, $"Could not create the account {email}: {created.Error}");
        return created.Value!;
    }
}
