using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Features.Accounts.Sessions;

/// <summary>
/// Ties the auth cookie to a row in <c>user_sessions</c>: a new sign-in starts a session, a refreshed cookie keeps its
/// session, every request checks it is still active, and signing out ends it (docs/adr/0018).
/// </summary>
internal static class SessionCookie
{
    public static void Attach(CookieAuthenticationOptions cookie)
    {
        // Identity's own check (the security stamp, every 30 minutes) stays; the session check runs first, every time.
        var securityStampCheck = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsActiveAsync(context.HttpContext, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await securityStampCheck(context);
        };
        cookie.Events.OnSigningIn = StartOrKeepSessionAsync;
        cookie.Events.OnSigningOut = EndSessionAsync;
    }

    /// <summary>Identity's security stamp check rebuilds the principal; the session id goes along with it.</summary>
    public static Task KeepSessionOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionClaims.SessionId) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaims.SessionId, claim.Value));
        }

        return Task.CompletedTask;
    }

    private static async Task<bool> IsActiveAsync(HttpContext httpContext, ClaimsPrincipal? principal)
    {
        // A cookie from before sessions existed has no id: it is signed out once, like any unknown session.
        if (SessionClaims.UserIdOf(principal) is not { } userId || SessionClaims.SessionIdOf(principal) is not { } sessionId)
        {
            return false;
        }

        return await Sessions(httpContext).IsActiveAsync(userId, sessionId, httpContext.RequestAborted);
    }

    private static async Task StartOrKeepSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || SessionClaims.UserIdOf(context.Principal) is not { } userId
            || identity.HasClaim(claim => claim.Type == SessionClaims.SessionId))
        {
            return;
        }

        // A refresh (new name, new password) re-issues the cookie of the request's own session: it stays that session.
        var current = context.HttpContext.User;
        var sessionId = SessionClaims.UserIdOf(current) == userId && SessionClaims.SessionIdOf(current) is { } currentId
            && await Sessions(context.HttpContext).IsActiveAsync(userId, currentId, context.HttpContext.RequestAborted)
                ? currentId
                : await Sessions(context.HttpContext).StartAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(), context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(SessionClaims.SessionId, sessionId.ToString()));
    }

    private static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        var principal = context.HttpContext.User;
        if (SessionClaims.UserIdOf(principal) is { } userId && SessionClaims.SessionIdOf(principal) is { } sessionId)
        {
            await Sessions(context.HttpContext).EndAsync(userId, sessionId, CancellationToken.None);
        }
    }

    private static UserSessions Sessions(HttpContext httpContext) => httpContext.RequestServices.GetRequiredService<UserSessions>();
}
