using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// Ritual reminders, dispatched and sent like every other reminder (ADR 0013): in the reminder dispatcher's transaction
/// this claims due bookmarks with FOR UPDATE SKIP LOCKED and moves each to its next reminder; the dispatcher writes
/// one outbox row per (person, kind, occurrence day, ritual). Right before sending, it checks the ritual again.
/// Rituals are few per couple, so this is plain EF rather than the daily reminders' set-based SQL.
/// </summary>
public sealed class RitualReminderSource(IDbContextFactory<AppDbContext> dbFactory) : IDueReminderSource, IReminderSendCheck
{
    public int BatchSize => 500;

    public bool Owns(ReminderKind kind) => kind is ReminderKind.RitualReminder or ReminderKind.RitualDayBefore;

    public async Task<DueReminders> ClaimDueAsync(DispatchTransaction dispatch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Database.SetDbConnection(dispatch.Connection);
        await db.Database.UseTransactionAsync(dispatch.Transaction, cancellationToken);
        // The dispatcher serves every couple at once.
        var due = await db.RitualReminders
            .FromSql($"SELECT * FROM ritual_reminders WHERE next_due_utc <= {now} ORDER BY next_due_utc LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .AcrossCouples()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new DueReminders(0, []);
        }

        var ritualIds = due.Select(reminder => reminder.RitualId).Distinct().ToList();
        var rituals = await db.Rituals.AsNoTracking().AcrossCouples()
            .Where(ritual => ritualIds.Contains(ritual.Id))
            .Select(ritual => new
            {
                Ritual = ritual,
                Zone = db.Couples.Where(couple => couple.Id == ritual.CoupleId).Select(couple => couple.HomeTimeZoneId).Single(),
                Members = db.CoupleMembers.Where(member => member.CoupleId == ritual.CoupleId && member.LeftAt == null).Select(member => member.UserId).ToList(),
            })
            .ToDictionaryAsync(row => row.Ritual.Id, cancellationToken);

        var writes = new List<ReminderOutboxWrite>();
        foreach (var reminder in due)
        {
            if (!rituals.TryGetValue(reminder.RitualId, out var found) || found.Ritual.IsDeleted || !found.Members.Contains(reminder.UserId) || reminder.NextKind is not { } kind)
            {
                reminder.Stop();
                continue;
            }

            var dueUtc = reminder.NextDueUtc!.Value;
            writes.Add(new ReminderOutboxWrite(reminder.UserId, kind, reminder.NextOccurrenceDay!.Value, reminder.RitualId, dueUtc, ReminderClock.IsStale(dueUtc, now) ? ReminderSkipReason.Stale : null));

            // From the later of this reminder and the staleness horizon: after an outage, reminders too late to
            // matter are not replayed one by one.
            var from = dueUtc > now - ReminderClock.StalenessLimit ? dueUtc : now - ReminderClock.StalenessLimit;
            reminder.PlanAfter(found.Ritual.Schedule, TimeZoneId.ParseOrUtc(found.Zone), from);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DueReminders(due.Count, writes);
    }

    /// <summary>
    /// A ritual reminder goes out only if the ritual still exists in the recipient's current couple, still happens that
    /// day, has not started yet, and the recipient still wants its reminders; then the usual skip rules apply.
    /// </summary>
    public async Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Across couples: the outbox row names the ritual, which must still be of the recipient's current couple.
        var ritualId = reminder.SubjectId ?? Guid.Empty;
        var ritual = await db.Rituals.AsNoTracking().AcrossCouples().SingleOrDefaultAsync(ritual => ritual.Id == ritualId, cancellationToken);
        var reminderOn = await db.RitualReminders.AcrossCouples().AnyAsync(row => row.RitualId == ritualId && row.UserId == reminder.UserId && row.IsOn, cancellationToken);
        var inCouple = ritual is not null && recipient.Couple?.CoupleId == ritual.CoupleId;
        var occurrence = ritual is null || recipient.Couple is null || ritual.IsDeleted ? null : ritual.Schedule.On(recipient.Couple.HomeZone, reminder.LocalDate);
        if (inCouple && occurrence is null)
        {
            return ReminderCheck.Skipped(ReminderSkipReason.RitualGone);
        }

        var facts = new ReminderFacts(reminder.Kind, reminderOn, recipient.EmailConfirmed, recipient.AddressBounced, inCouple, false, reminder.DueUtc, now);
        if (ReminderRules.SkipReason(facts) is { } skip)
        {
            return ReminderCheck.Skipped(skip);
        }

        if (occurrence!.StartsUtc <= now)
        {
            // After an outage: a reminder for something already under way is no reminder.
            return ReminderCheck.Skipped(ReminderSkipReason.Stale);
        }

        var when = RitualViews.When(occurrence.StartsUtc, recipient.Couple!.HomeZone, recipient.Zone);
        return new ReminderCheck(null) { Ritual = new RitualEmailFacts(ritual!.Id, ritual.Name, when, RitualScheduleText.Duration(ritual.Schedule.Duration)) };
    }
}
