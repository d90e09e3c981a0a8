namespace CoupleConnect.Web.Features.Couples;

/// <summary>Daily Hangfire job: thin, idempotent, delegates to the service: purges the archives of couples that ended long enough ago.</summary>
public sealed class PurgeCoupleArchivesJob(CoupleArchiveService archives)
{
    public const string RecurringJobId = "couples:purge-archives";

    public Task RunAsync(CancellationToken cancellationToken) => archives.PurgeExpiredAsync(cancellationToken);
}
