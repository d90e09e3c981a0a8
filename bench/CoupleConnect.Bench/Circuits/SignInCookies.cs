using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// The sign-in cookies of the seeded users, made the way the app's own sign-in makes them: the app's Identity setup
/// (AddAccounts) builds each user's principal with its claims principal factory, and the application cookie's ticket
/// format protects it with the app's Data Protection keys, which live in the same database (AddDataProtection) — so the
/// app accepts them as its own. This skips only the login form's password hashing, which would otherwise spend minutes
/// of the app's one core before the first circuit (PBKDF2 per login) and trip the login rate limit; what is measured
/// is the circuits, and a signed-in circuit is the same whichever way the cookie was obtained.
/// </summary>
public static class SignInCookies
{
    public static async Task<IReadOnlyList<string>> MintAsync(IReadOnlyDictionary<string, string?> appSettings, IReadOnlyList<string> userIds)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(appSettings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddDatabase();
        builder.AddDataProtection();
        builder.AddAccounts();
        await using var app = builder.Build();

        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = TimeProvider.System.GetUtcNow();
        var cookies = new List<string>(userIds.Count);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        foreach (var userId in userIds)
        {
            var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} was not seeded.");
            var principal = await principals.CreateAsync(user);
            var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + cookie.ExpireTimeSpan };
            var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.ApplicationScheme);
            cookies.Add($"{cookie.Cookie.Name}={cookie.TicketDataFormat.Protect(ticket)}");
        }

        return cookies;
    }
}
