using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.SessionSummaries;

/// <summary>
/// A summary needs both partners' agreement, so it ends with the couple: whatever is live is withdrawn and its ticks go.
/// A quiet leave withdraws it only when the partner is told (docs/adr/0038): withdrawing it earlier would tell them.
/// </summary>
public sealed class SessionSummariesEndWithTheCouple : ICoupleEndHook
{
    public async Task EndedAsync(AppDbContext db, Couple couple, string? partnerToTell, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaverId = couple.EndedById ?? couple.QuietLeaverId ?? string.Empty;
        var summaries = await db.SessionSummaries.AcrossCouples().Include(summary => summary.Ticks).Where(summary => summary.CoupleId == couple.Id).ToListAsync(cancellationToken);
        foreach (var summary in summaries)
        {
            summary.EndWithTheCouple(leaverId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
