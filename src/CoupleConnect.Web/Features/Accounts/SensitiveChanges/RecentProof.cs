using System.Security.Claims;
using CoupleConnect.Web.Features.Accounts.Sessions;

namespace CoupleConnect.Web.Features.Accounts.SensitiveChanges;

/// <summary>
/// "Confirm it's you": changing the email, adding a passkey, turning two-factor off, downloading all data and deleting
/// the account need the password (or a passkey) within the last <see cref="Window"/>, recorded on the session.
/// A sign-in counts, since it just checked them; the re-authentication page records a new proof.
/// </summary>
public sealed class RecentProof(UserSessions sessions)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public const string PagePath = "/Account/Reauthenticate";

    /// <summary>The re-authentication page, which comes back to <paramref name="returnPath"/> (a local path) afterwards.</summary>
    public static string PageFor(string returnPath) => $"{PagePath.TrimStart('/')}?returnUrl={Uri.EscapeDataString(returnPath)}";

    public async Task<bool> IsFreshAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SessionClaims.UserIdOf(user) is { } userId && SessionClaims.SessionIdOf(user) is { } sessionId
        && await sessions.IdentityConfirmedWithinAsync(userId, sessionId, Window, cancellationToken);

    public async Task RecordAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (SessionClaims.UserIdOf(user) is { } userId && SessionClaims.SessionIdOf(user) is { } sessionId)
        {
            await sessions.ConfirmIdentityAsync(userId, sessionId, cancellationToken);
        }
    }
}
