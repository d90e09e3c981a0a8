using System.Security.Claims;
using CoupleConnect.Web.Features.Accounts.Sessions;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Accounts.SensitiveChanges;

/// <summary>
/// What follows a sensitive change to an account: every other session ends (the one that made the change stays, its
/// cookie re-issued by the page) and the owner gets a notice (docs/adr/0018). A new email or password is dated, so the
/// sessions page can say when each last changed (docs/adr/0037).
/// </summary>
public sealed class AccountChanges(UserSessions sessions, SecurityNotices notices, IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// Ends the user's sessions except <paramref name="current"/>'s own (when it is this user's) and tells the owner at
    /// <paramref name="noticeAddress"/> (the account's address, or the old one for an email change).
    /// </summary>
    public async Task ChangedAsync(ApplicationUser user, SecurityChange change, ClaimsPrincipal? current, string? noticeAddress = null, CancellationToken cancellationToken = default)
    {
        await DateTheChangeAsync(user, change, cancellationToken);
        if (EndsOtherSessions(change))
        {
            var keep = SessionClaims.UserIdOf(current) == user.Id ? SessionClaims.SessionIdOf(current) : null;
            await sessions.EndAllExceptAsync(user.Id, keep, cancellationToken);
        }

        if ((noticeAddress ?? user.Email) is { Length: > 0 } address)
        {
            await notices.SendAsync(change, address, user.DisplayName, user.DiscreetEmails, cancellationToken);
        }
    }

    /// <summary>Written on its own (the caller already saved the change itself), so the user's concurrency stamp is left alone.</summary>
    private async Task DateTheChangeAsync(ApplicationUser user, SecurityChange change, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = db.Users.Where(candidate => candidate.Id == user.Id);
        switch (change)
        {
            case SecurityChange.PasswordChanged or SecurityChange.PasswordReset:
                user.PasswordChangedAt = now;
                await row.ExecuteUpdateAsync(set => set.SetProperty(changed => changed.PasswordChangedAt, (DateTimeOffset?)now), cancellationToken);
                break;
            case SecurityChange.EmailChanged:
                user.EmailChangedAt = now;
                await row.ExecuteUpdateAsync(set => set.SetProperty(changed => changed.EmailChangedAt, (DateTimeOffset?)now), cancellationToken);
                break;
        }
    }

    private static bool EndsOtherSessions(SecurityChange change) => change is SecurityChange.PasswordChanged or SecurityChange.PasswordReset
        or SecurityChange.TwoFactorTurnedOn or SecurityChange.TwoFactorTurnedOff or SecurityChange.EmailChanged;
}
