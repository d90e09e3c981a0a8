using System.Security.Claims;
using CoupleConnect.Web.Features.Accounts.Sessions;

namespace CoupleConnect.Web.Features.Accounts.SensitiveChanges;

/// <summary>
/// What follows a sensitive change to an account: every other session ends (the one that made the change stays, its
/// cookie re-issued by the page) and the owner gets a notice (docs/adr/0018).
/// </summary>
public sealed class AccountChanges(UserSessions sessions, SecurityNotices notices)
{
    /// <summary>
    /// Ends the user's sessions except <paramref name="current"/>'s own (when it is this user's) and tells the owner at
    /// <paramref name="noticeAddress"/> (the account's address, or the old one for an email change).
    /// </summary>
    public async Task ChangedAsync(ApplicationUser user, SecurityChange change, ClaimsPrincipal? current, string? noticeAddress = null, CancellationToken cancellationToken = default)
    {
        if (EndsOtherSessions(change))
        {
            var keep = SessionClaims.UserIdOf(current) == user.Id ? SessionClaims.SessionIdOf(current) : null;
            await sessions.EndAllExceptAsync(user.Id, keep, cancellationToken);
        }

        if ((noticeAddress ?? user.Email) is { Length: > 0 } address)
        {
            await notices.SendAsync(change, address, user.DisplayName, cancellationToken);
        }
    }

    private static bool EndsOtherSessions(SecurityChange change) => change is SecurityChange.PasswordChanged or SecurityChange.PasswordReset
        or SecurityChange.TwoFactorTurnedOn or SecurityChange.TwoFactorTurnedOff or SecurityChange.EmailChanged;
}
