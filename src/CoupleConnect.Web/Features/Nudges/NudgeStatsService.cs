using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

public sealed class NudgeStatsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider)
{
    public async Task<NudgeStats> GetTodayAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = db.NudgeOutbox.AsNoTracking().Where(entry => entry.DueUtc >= start && entry.DueUtc < end);
        var counts = await today
            .GroupBy(entry => new { entry.Kind, entry.Status })
            .Select(group => new NudgeCount(group.Key.Kind, group.Key.Status, group.Count()))
            .ToListAsync(cancellationToken);
        var reasons = await today
            .Where(entry => entry.SkipReason != null)
            .GroupBy(entry => entry.SkipReason!.Value)
            .Select(group => new NudgeSkipCount(group.Key, group.Count()))
            .ToListAsync(cancellationToken);
        return new NudgeStats(day, counts, reasons.OrderByDescending(reason => reason.Count).ToList());
    }
}
