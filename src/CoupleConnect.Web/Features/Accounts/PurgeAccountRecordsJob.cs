using CoupleConnect.Web.Features.Accounts.Passwords;
using CoupleConnect.Web.Features.Accounts.Sessions;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// Daily: forgets what the account safeguards no longer need, so the database keeps no history of who signed in from
/// where. Ended sessions (signed out, or idle past <see cref="UserSessions.IdleLimit"/>) and wrong-password counts are
/// kept one day past the point where any rule reads them. (Invite-email counts belong to Couples, which forgets them.)
/// </summary>
public sealed class PurgeAccountRecordsJob(IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider)
{
    public const string RecurringJobId = "accounts:purge-records";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var endedBefore = now - Grace;
        var idleBefore = now - UserSessions.IdleLimit - Grace;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.UserSessions
            .Where(session => session.RevokedAt < endedBefore || session.LastSeenAt < idleBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var failures = await db.PasswordFailures.Where(failure => failure.FailedAt < endedBefore).ExecuteDeleteAsync(cancellationToken);
        return sessions + failures;
    }
}
