using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Features.Accounts.Sessions;

public static class SessionsSetup
{
    /// <summary>Server-side sessions behind the auth cookie; call after <c>AddIdentityCookies</c>, whose events it wraps.</summary>
    public static IServiceCollection AddUserSessions(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<UserSessions>();
        services.ConfigureApplicationCookie(SessionCookie.Attach);
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = SessionCookie.KeepSessionOnRefresh);
        return services;
    }
}
