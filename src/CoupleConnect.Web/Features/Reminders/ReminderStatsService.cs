using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Web.Features.Reminders;

public sealed record ReminderCount(ReminderKind Kind, ReminderStatus Status, int Count);

public sealed record ReminderSkipCount(ReminderSkipReason Reason, int Count);

/// <summary>Today's reminders (UTC day) at a glance, for the admin page: counts only, never who or what.</summary>
public sealed record ReminderStats(DateOnly UtcDay, IReadOnlyList<ReminderCount> Counts, IReadOnlyList<ReminderSkipCount> SkipReasons)
{
    public int CountOf(ReminderKind kind, ReminderStatus status) =>
        Counts.Where(count => count.Kind == kind && count.Status == status).Sum(count => count.Count);

    public int TotalOf(ReminderStatus status) => Counts.Where(count => count.Status == status).Sum(count => count.Count);
}

public sealed class ReminderStatsService(ReminderOutboxStore outbox, TimeProvider timeProvider)
{
    public async Task<ReminderStats> GetTodayAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (counts, reasons) = await outbox.CountDueBetweenAsync(start, start.AddDays(1), cancellationToken);
        return new ReminderStats(day, counts, reasons.OrderByDescending(reason => reason.Count).ToList());
    }
}
