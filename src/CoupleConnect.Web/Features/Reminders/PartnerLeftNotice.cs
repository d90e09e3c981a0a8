using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// The notice that a couple ended (docs/adr/0038): queued in the outbox inside the transaction that ends the couple
/// (at once, or when a quiet leave's delay is over), keyed by the couple so it goes once; checked again before sending:
/// the couple must have ended, by the other partner, and the recipient must have been in it. No switch and no
/// staleness: however late, a person is owed this one notice.
/// </summary>
public sealed class PartnerLeftNotice : ICoupleEndHook, IReminderSendCheck
{
    public bool Owns(ReminderKind kind) => kind == ReminderKind.PartnerLeft;

    public async Task EndedAsync(AppDbContext db, Couple couple, string? partnerToTell, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (partnerToTell is null)
        {
            return;
        }

        var zone = await db.Users.Where(user => user.Id == partnerToTell).Select(user => user.TimeZoneId).SingleAsync(cancellationToken);
        var notice = new ReminderOutboxWrite(partnerToTell, ReminderKind.PartnerLeft, TimeZoneId.ParseOrUtc(zone).LocalDate(now), couple.Id, now, null);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The notice is queued inside the transaction that ends the couple.");
        await ReminderOutboxStore.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), [notice], now, cancellationToken);
    }

    public async Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var coupleId = reminder.SubjectId ?? Guid.Empty;
        var ended = await db.Couples.AsNoTracking()
            .Where(couple => couple.Id == coupleId && couple.EndedAt != null && couple.EndedById != recipient.UserId)
            .Where(couple => couple.Members.Any(member => member.UserId == recipient.UserId))
            .Select(couple => new
            {
                couple.EndedAt,
                FormerPartner = db.Users.Where(user => user.Id == couple.EndedById).Select(user => user.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (ended is null)
        {
            return ReminderCheck.Skipped(ReminderSkipReason.NotPaired);
        }

        // The shared skip rules, with the notice always on and due "now": however late, it is never stale.
        var facts = new ReminderFacts(reminder.Kind, recipient.Preferences.IsOn(reminder.Kind), recipient.EmailConfirmed, recipient.AddressBounced, Paired: true, AlreadyAnswered: false, now, now);
        if (ReminderRules.SkipReason(facts) is { } skip)
        {
            return ReminderCheck.Skipped(skip);
        }

        var archiveUntil = LocalTimeFormat.Day(ended.EndedAt!.Value + Couple.ArchiveRetention, recipient.Zone.Value);
        return new ReminderCheck(null) { CoupleEnded = new CoupleEndedEmailFacts(ended.FormerPartner ?? "Your partner", archiveUntil) };
    }
}
