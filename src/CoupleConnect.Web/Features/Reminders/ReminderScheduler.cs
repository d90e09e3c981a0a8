using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Keeps a person's schedule rows in step with their preferences and time zone: one row per enabled time-of-day kind,
/// holding the next due instant in UTC (DST-correct, <see cref="ReminderClock"/>). No recurring job per person, ever.
/// </summary>
public sealed class ReminderScheduler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider)
{
    public async Task RecomputeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RecomputeAsync(db, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages the changes in <paramref name="db"/>; the caller saves them with its own changes.</summary>
    internal async Task RecomputeAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Users.Where(user => user.Id == userId).Select(user => user.TimeZoneId).SingleAsync(cancellationToken);
        var zone = TimeZoneId.ParseOrUtc(zoneId);
        var preferences = db.ReminderPreferences.Local.FirstOrDefault(preferences => preferences.UserId == userId)
            ?? await db.ReminderPreferences.SingleAsync(preferences => preferences.UserId == userId, cancellationToken);
        var existing = await db.ReminderSchedules.Where(schedule => schedule.UserId == userId).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        var wanted = preferences.ScheduledKinds().ToDictionary(kind => kind.Kind, kind => ReminderClock.NextDueAfter(zone, kind.At, now, preferences.DayOf(kind.Kind)));
        foreach (var schedule in existing.Where(schedule => !wanted.ContainsKey(schedule.Kind)))
        {
            db.ReminderSchedules.Remove(schedule);
        }

        foreach (var (kind, due) in wanted)
        {
            var schedule = existing.FirstOrDefault(schedule => schedule.Kind == kind);
            if (schedule is null)
            {
                db.ReminderSchedules.Add(ReminderSchedule.For(userId, kind, due));
            }
            else
            {
                schedule.MoveTo(due);
            }
        }
    }
}
