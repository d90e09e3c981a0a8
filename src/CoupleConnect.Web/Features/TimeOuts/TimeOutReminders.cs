using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.Web.Features.TimeOuts;

/// <summary>
/// A time-out's emails, queued through the one reminder path (outbox rows keyed by person, kind, local day and the
/// time-out's id, so each is written once): the notice to the partner who didn't call it, due at once; and the return
/// reminder to both, due at the return time. An extension queues the later kind (<see cref="ReminderKind.TimeOutReturnExtended"/>)
/// and the first is skipped at send time; ending early skips both there (<see cref="TimeOutReminderCheck"/>).
/// </summary>
public sealed class TimeOutReminders(ReminderOutboxStore outbox)
{
    public Task<int> QueueCalledAsync(TimeOut timeOut, CoupleScope scope, DateTimeOffset now, CancellationToken cancellationToken) =>
        outbox.QueueAsync(
            [
                new ReminderOutboxWrite(scope.PartnerId, ReminderKind.TimeOutNotice, scope.PartnerZone.LocalDate(now), timeOut.Id, now, null),
                .. ReturnWrites(timeOut, scope, ReminderKind.TimeOutReturn),
            ],
            cancellationToken);

    public Task<int> QueueExtendedAsync(TimeOut timeOut, CoupleScope scope, CancellationToken cancellationToken) =>
        outbox.QueueAsync(ReturnWrites(timeOut, scope, ReminderKind.TimeOutReturnExtended), cancellationToken);

    private static List<ReminderOutboxWrite> ReturnWrites(TimeOut timeOut, CoupleScope scope, ReminderKind kind) =>
    [
        Return(timeOut, scope.UserId, scope.MyZone, kind),
        Return(timeOut, scope.PartnerId, scope.PartnerZone, kind),
    ];

    private static ReminderOutboxWrite Return(TimeOut timeOut, string userId, TimeZoneId zone, ReminderKind kind) =>
        new(userId, kind, timeOut.ReturnDayIn(zone), timeOut.Id, timeOut.ReturnAt, null);
}
