using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>Ritual reminders and calendar addresses stop with the couple; a quiet leaver's own address stops at once.</summary>
public sealed class RitualsEndWithTheCouple : ICoupleEndHook
{
    public Task LeftQuietlyAsync(AppDbContext db, Couple couple, string leaverId, CancellationToken cancellationToken) =>
        db.CalendarFeedKeys.Where(key => key.CoupleId == couple.Id && key.UserId == leaverId).ExecuteDeleteAsync(cancellationToken);

    public async Task EndedAsync(AppDbContext db, Couple couple, string? partnerToTell, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // For both partners. (Unsubscribe links name the couple they were sent in, so they stop by themselves.)
        await RitualReminderPlanner.StopForCoupleAsync(db, cancellationToken);
        await CalendarFeedService.DeleteForCoupleAsync(db, couple.Id, cancellationToken);
    }
}
