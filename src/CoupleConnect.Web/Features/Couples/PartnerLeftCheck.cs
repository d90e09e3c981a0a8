using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// Right before the couple-ended notice goes: the couple named by the row must have ended, by the other partner, and
/// the recipient must have been in it. No switch, no staleness: however late, a person is owed this one notice.
/// </summary>
public sealed class PartnerLeftCheck : IReminderSendCheck
{
    public bool Owns(ReminderKind kind) => kind == ReminderKind.PartnerLeft;

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

        if (!recipient.EmailConfirmed)
        {
            return ReminderCheck.Skipped(ReminderSkipReason.EmailUnconfirmed);
        }

        if (recipient.AddressBounced)
        {
            return ReminderCheck.Skipped(ReminderSkipReason.AddressBounced);
        }

        var archiveUntil = LocalTimeFormat.Day(ended.EndedAt!.Value + Couple.ArchiveRetention, recipient.Zone.Value);
        return new ReminderCheck(null) { CoupleEnded = new CoupleEndedEmailFacts(ended.FormerPartner ?? "Your partner", archiveUntil) };
    }
}
