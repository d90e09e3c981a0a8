namespace CoupleConnect.Web.Features.Couples;

/// <summary>Every minute, thin and idempotent: a quiet leave whose delay is over ends for the partner, who is told then.</summary>
public sealed class FinishQuietLeavesJob(CoupleLeaving leaving)
{
    public const string RecurringJobId = "couples:finish-quiet-leaves";

    public Task RunAsync(CancellationToken cancellationToken) => leaving.FinishDueQuietLeavesAsync(cancellationToken);
}
