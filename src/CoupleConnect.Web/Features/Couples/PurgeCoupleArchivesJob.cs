using Hangfire;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>Daily Hangfire job: thin, idempotent, delegates to the services: expired archives, old invite-email counts.</summary>
public sealed class PurgeCoupleArchivesJob(CoupleArchiveService archives, InviteEmailAllowance inviteEmails)
{
    public const string RecurringJobId = "couples:purge-archives";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await archives.PurgeExpiredAsync(cancellationToken);
        await inviteEmails.ForgetOldAsync(cancellationToken);
    }
}
