using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Reminders follow the person's own zone: a new account gets its preferences row with the defaults and the default
/// reminders planned (08:00 question, 21:00 gratitude, sent only once paired), and a new time zone re-plans them at the
/// same local times, in the account's own transaction.
/// </summary>
internal sealed class ReminderAccountHook(ReminderScheduler scheduler) : IAccountLifecycleHook
{
    public Task AccountCreatedAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        db.ReminderPreferences.Add(ReminderPreferences.DefaultsFor(userId));
        return scheduler.RecomputeAsync(db, userId, cancellationToken);
    }

    public Task ProfileChangedAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        scheduler.RecomputeAsync(db, userId, cancellationToken);
}
