using System.Security.Claims;

namespace CoupleConnect.Web.Features.Accounts.Sessions;

/// <summary>The session id the auth cookie carries, tying the cookie to its row in <c>user_sessions</c>.</summary>
public static class SessionClaims
{
    public const string SessionId = "cc_session";

    public static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionId), out var id) ? id : null;

    public static string? UserIdOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimTypes.NameIdentifier);
}
