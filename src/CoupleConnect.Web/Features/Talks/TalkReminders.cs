using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Talks;

/// <summary>
/// A scheduled talk's reminder, through the one nudge path (ADR 0011): when both have said yes to a time, one
/// "coming up" email per partner is queued in the outbox for a little before it (keyed by person, kind, their local date
/// and the talk, so it is written once); right before sending, the talk is checked again. The email never names the topic.
/// </summary>
public sealed class TalkReminders(ReminderOutboxStore outbox, TimeProvider timeProvider) : IReminderSendCheck
{
    public bool Owns(ReminderKind kind) => kind == ReminderKind.TalkComingUp;

    public Task<int> QueueAsync(Talk talk, CoupleScope scope, CancellationToken cancellationToken)
    {
        if (talk.StartsAt is not { } starts)
        {
            return Task.FromResult(0);
        }

        var now = timeProvider.GetUtcNow();
        var due = starts - TalkTimes.ReminderLead > now ? starts - TalkTimes.ReminderLead : now;
        ReminderOutboxWrite For(string userId, Domain.Common.TimeZoneId zone) =>
            new(userId, ReminderKind.TalkComingUp, zone.LocalDate(starts), talk.Id, due, null);
        return outbox.QueueAsync([For(scope.UserId, scope.MyZone), For(scope.PartnerId, scope.PartnerZone)], cancellationToken);
    }

    /// <summary>Sent only while the talk is still planned, not yet begun, in the recipient's current couple; then the usual skip rules.</summary>
    public async Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Across couples: the outbox row names the talk, which must still be of the recipient's current couple.
        var talkId = reminder.SubjectId ?? Guid.Empty;
        var talk = await db.Talks.AsNoTracking().AcrossCouples().SingleOrDefaultAsync(talk => talk.Id == talkId, cancellationToken);
        var inCouple = talk is not null && recipient.Couple?.CoupleId == talk.CoupleId && talk.IsMember(recipient.UserId);
        if (inCouple && (talk!.Status != TalkStatus.Scheduled || talk.StartsAt is not { } starts || starts <= now))
        {
            return ReminderCheck.Skipped(ReminderSkipReason.TalkNoLongerPlanned);
        }

        var facts = new ReminderFacts(reminder.Kind, recipient.Preferences.IsOn(reminder.Kind), recipient.EmailConfirmed, recipient.AddressBounced, inCouple, false, reminder.DueUtc, now);
        if (ReminderRules.SkipReason(facts) is { } skip)
        {
            return ReminderCheck.Skipped(skip);
        }

        var when = TalkTimes.Describe(talk!.StartsAt!.Value, recipient.Zone, recipient.Zone, recipient.Couple!.PartnerName);
        return new ReminderCheck(null) { Talk = new TalkEmailFacts(talk.Id, when, talk.TimeBoxMinutes) };
    }
}
