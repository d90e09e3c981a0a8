using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// Keeps each partner's reminder bookmark (next_due_utc) in step with the ritual: planned when a ritual is created
/// or changed, when a partner changes their reminder, when the couple's home zone changes; stopped when the ritual
/// is deleted or the couple ends. The caller saves.
/// </summary>
public static class RitualReminderPlanner
{
    /// <summary>Both partners' reminders for <paramref name="ritual"/>: created with the defaults when missing, then re-planned from now.</summary>
    public static async Task PlanAsync(AppDbContext db, Ritual ritual, TimeZoneId homeZone, IReadOnlyCollection<string> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = await db.RitualReminders.Where(reminder => reminder.RitualId == ritual.Id).ToListAsync(cancellationToken);
        foreach (var memberId in memberIds.Where(id => reminders.All(reminder => reminder.UserId != id)))
        {
            var created = RitualReminder.DefaultFor(ritual, memberId);
            db.RitualReminders.Add(created);
            reminders.Add(created);
        }

        foreach (var reminder in reminders)
        {
            if (ritual.IsDeleted || !memberIds.Contains(reminder.UserId))
            {
                reminder.Stop();
            }
            else
            {
                reminder.PlanAfter(ritual.Schedule, homeZone, now);
            }
        }
    }

    /// <summary>After the couple's home zone changed: every live ritual's reminders follow the new local times (<paramref name="db"/> is opened for the couple).</summary>
    public static async Task ReplanCoupleAsync(AppDbContext db, TimeZoneId homeZone, IReadOnlyCollection<string> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rituals = await db.Rituals.Where(ritual => ritual.DeletedAt == null).ToListAsync(cancellationToken);
        foreach (var ritual in rituals)
        {
            await PlanAsync(db, ritual, homeZone, memberIds, now, cancellationToken);
        }
    }

    /// <summary>
    /// The couple ended: no ritual reminder for either partner from now on (pending ones are skipped at send time).
    /// <paramref name="db"/> is opened for the couple, so only its reminders change.
    /// </summary>
    public static Task<int> StopForCoupleAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.RitualReminders
            .ExecuteUpdateAsync(
                set => set.SetProperty(reminder => reminder.NextDueUtc, (DateTimeOffset?)null)
                    .SetProperty(reminder => reminder.NextOccurrenceDay, (DateOnly?)null)
                    .SetProperty(reminder => reminder.NextKind, (Domain.Reminders.ReminderKind?)null),
                cancellationToken);
}
