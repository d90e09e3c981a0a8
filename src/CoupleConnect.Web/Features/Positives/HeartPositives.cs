using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>
/// A heart on the partner's answer is also a small positive about them: it arrives in their "noticed lately" and
/// counts on the dashboard. Kept in step with the heart in the same unit of work, so the two never disagree.
/// </summary>
internal static class HeartPositives
{
    public static async Task FollowAsync(AppDbContext db, DailyQuestion daily, CoupleScope scope, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hearted = daily.AnswerBy(scope.PartnerId)?.HeartedByPartner == true;
        var existing = await db.Positives.SingleOrDefaultAsync(positive => positive.AuthorId == scope.UserId && positive.HeartOnQuestionOf == daily.Day, cancellationToken);
        if (hearted && existing is null)
        {
            db.Positives.Add(Positive.Heart(scope.CoupleId, scope.UserId, scope.PartnerId, daily.Day, today, now).HeldFromPartnerUntil(scope.HoldFromPartner(now)));
        }
        else if (!hearted && existing is not null)
        {
            db.Positives.Remove(existing);
        }
    }
}
