using System.Threading.RateLimiting;

namespace CoupleConnect.Web.Infrastructure;

/// <summary>The one shape of every in-process "N per minute per key" limit: a sliding minute in six steps, no queue.</summary>
public static class PerMinuteLimiter
{
    public static PartitionedRateLimiter<string> Create(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    /// <summary>True when <paramref name="key"/> may act now; counts the attempt.</summary>
    public static bool TryAcquire(this PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }
}
