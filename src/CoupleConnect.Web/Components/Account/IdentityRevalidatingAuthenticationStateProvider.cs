using CoupleConnect.Web.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace CoupleConnect.Web.Components.Account;

/// <summary>
/// Every minute an interactive circuit is connected, checks that the session it was opened in is still active
/// (docs/adr/0018). When it is not (signed out, signed out everywhere, password changed elsewhere…) the circuit is
/// signed out, and a page that needs a signed-in person sends the browser to the login page, which ends the circuit.
/// </summary>
/// <remarks>
/// The session alone decides, not the security stamp as in the template: the session that made a change keeps its
/// other tabs (their principal still holds the old stamp), while every other session has already been ended.
/// A deleted account's sessions go with it (cascade), so "active" also means "the account exists".
/// </remarks>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, UserSessions sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    /// <summary>What the circuit's periodic check decides: false signs the circuit out.</summary>
    internal Task<bool> IsStillValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        ValidateAuthenticationStateAsync(authenticationState, cancellationToken);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        SessionClaims.UserIdOf(authenticationState.User) is { } userId
        && SessionClaims.SessionIdOf(authenticationState.User) is { } sessionId
        && await sessions.IsActiveAsync(userId, sessionId, cancellationToken);
}
