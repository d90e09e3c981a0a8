using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.TimeOuts;

/// <summary>
/// Right before a time-out email is sent: the time-out must still be the recipient's couple's, the person must still
/// want time-out emails (the usual skip rules), and it must still make sense: a notice only while the pause runs, the
/// first return reminder only if the time-out was neither extended nor ended early, the extended one only if not ended early.
/// </summary>
public sealed class TimeOutReminderCheck : IReminderSendCheck
{
    public bool Owns(ReminderKind kind) => ReminderPreferences.IsTimeOutKind(kind);

    public async Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Across couples: the sender serves everyone; the row names the time-out, which must be the recipient's couple's.
        var timeOutId = reminder.SubjectId ?? Guid.Empty;
        var timeOut = await db.TimeOuts.AsNoTracking().AcrossCouples().SingleOrDefaultAsync(row => row.Id == timeOutId, cancellationToken);
        if (timeOut is null)
        {
            return ReminderCheck.Skipped(ReminderSkipReason.TimeOutOver);
        }

        var inCouple = recipient.Couple?.CoupleId == timeOut.CoupleId;
        var facts = new ReminderFacts(reminder.Kind, recipient.Preferences.IsOn(reminder.Kind), recipient.EmailConfirmed, recipient.AddressBounced, inCouple, false, reminder.DueUtc, now);
        if (ReminderRules.SkipReason(facts) is { } skip)
        {
            return ReminderCheck.Skipped(skip);
        }

        var stillHolds = reminder.Kind switch
        {
            ReminderKind.TimeOutNotice => timeOut.PhaseAt(now) == TimeOutPhase.Running,
            ReminderKind.TimeOutReturn => !timeOut.Extended && timeOut.EndedEarlyAt is null,
            _ => timeOut.EndedEarlyAt is null && timeOut.ReturnAt == reminder.DueUtc,
        };
        return stillHolds
            ? new ReminderCheck(null) { TimeOut = new TimeOutEmailFacts(LocalTimeFormat.DayAndTime(timeOut.ReturnAt, recipient.Zone.Value)) }
            : ReminderCheck.Skipped(ReminderSkipReason.TimeOutOver);
    }
}
