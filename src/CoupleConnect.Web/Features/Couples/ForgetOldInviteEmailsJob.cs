namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// Daily Hangfire job: thin, idempotent, delegates to the allowance: forgets the invite emails it no longer counts.
/// Its own job (not a step of <see cref="PurgeCoupleArchivesJob"/>), so each job's name and id say all it does.
/// </summary>
public sealed class ForgetOldInviteEmailsJob(InviteEmailAllowance inviteEmails)
{
    public const string RecurringJobId = "couples:forget-old-invite-emails";

    public Task RunAsync(CancellationToken cancellationToken) => inviteEmails.ForgetOldAsync(cancellationToken);
}
