using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>
/// A quiet leaver's answers to days the partner has not answered were seen by nobody else; they go at once, or the
/// partner's answer during the delay would reveal them (docs/adr/0038).
/// </summary>
public sealed class UnsharedAnswersLeaveWithTheirAuthor : ICoupleEndHook
{
    public Task LeftQuietlyAsync(AppDbContext db, Couple couple, string leaverId, CancellationToken cancellationToken) =>
        db.CheckInAnswers
            .Where(answer => answer.AuthorId == leaverId)
            .Where(answer => !db.CheckInAnswers.Any(other => other.DailyQuestionId == answer.DailyQuestionId && other.AuthorId != leaverId))
            .ExecuteDeleteAsync(cancellationToken);
}
