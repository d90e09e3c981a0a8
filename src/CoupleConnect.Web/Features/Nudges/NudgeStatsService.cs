using CoupleConnect.Domain.Nudges;

namespace CoupleConnect.Web.Features.Nudges;

public sealed record NudgeCount(NudgeKind Kind, NudgeStatus Status, int Count);

public sealed record NudgeSkipCount(NudgeSkipReason Reason, int Count);

/// <summary>Today's nudges (UTC day) at a glance, for the admin page: counts only, never who or what.</summary>
public sealed record NudgeStats(DateOnly UtcDay, IReadOnlyList<NudgeCount> Counts, IReadOnlyList<NudgeSkipCount> SkipReasons)
{
    public int CountOf(NudgeKind kind, NudgeStatus status) =>
        Counts.Where(count => count.Kind == kind && count.Status == status).Sum(count => count.Count);

    public int TotalOf(NudgeStatus status) => Counts.Where(count => count.Status == status).Sum(count => count.Count);
}

public sealed class NudgeStatsService(NudgeOutboxStore outbox, TimeProvider timeProvider)
{
    public async Task<NudgeStats> GetTodayAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (counts, reasons) = await outbox.CountDueBetweenAsync(start, start.AddDays(1), cancellationToken);
        return new NudgeStats(day, counts, reasons.OrderByDescending(reason => reason.Count).ToList());
    }
}
