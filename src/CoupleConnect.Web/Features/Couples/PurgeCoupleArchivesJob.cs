using Hangfire;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>Daily Hangfire job: thin, idempotent, delegates to the service.</summary>
public sealed class PurgeCoupleArchivesJob(CoupleArchiveService archives)
{
    public const string RecurringJobId = "couples:purge-archives";

    public Task RunAsync(CancellationToken cancellationToken) => archives.PurgeExpiredAsync(cancellationToken);
}
