using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>
/// A quiet leaver's answers the partner has not seen yet (not answered by them, not both tapped Reveal, or held until
/// the morning by private mode) are taken back at once; otherwise the partner's answer or the morning during the delay
/// would show them (docs/adr/0038).
/// </summary>
public sealed class UnsharedAnswersLeaveWithTheirAuthor(TimeProvider timeProvider) : ICoupleEndHook
{
    public async Task LeftQuietlyAsync(AppDbContext db, Couple couple, string leaverId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var days = await db.DailyQuestions.Include(daily => daily.Answers)
            .Where(daily => daily.Answers.Any(answer => answer.AuthorId == leaverId))
            .ToListAsync(cancellationToken);
        foreach (var day in days.Where(day => !day.IsRevealedAt(now) && day.AnswerBy(leaverId) is { IsRemoved: false }))
        {
            day.TakeBackAnswer(leaverId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
