using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Temperature;

/// <summary>
/// Right before the weekly temperature email goes: the usual skip rules, and no email to someone who already answered
/// this week. The email itself carries nothing anyone wrote (<see cref="ReminderEmails"/>).
/// </summary>
public sealed class TemperatureReminderCheck : IReminderSendCheck
{
    public bool Owns(ReminderKind kind) => kind == ReminderKind.WeeklyTemperature;

    public async Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answered = false;
        if (recipient.Couple is { } couple)
        {
            // Across couples (the sender serves everyone), narrowed to the recipient's own couple by hand.
            var week = TemperatureWeeks.WeekAt(couple.HomeZone, reminder.DueUtc);
            answered = await db.TemperatureAnswers.AsNoTracking().AcrossCouples()
                .AnyAsync(answer => answer.CoupleId == couple.CoupleId && answer.AuthorId == recipient.UserId && answer.WeekOf == week, cancellationToken);
        }

        var facts = new ReminderFacts(reminder.Kind, recipient.Preferences.IsOn(reminder.Kind), recipient.EmailConfirmed, recipient.AddressBounced, recipient.Couple is not null, answered, reminder.DueUtc, now);
        return ReminderRules.SkipReason(facts) is { } skip ? ReminderCheck.Skipped(skip) : new ReminderCheck(null);
    }
}
