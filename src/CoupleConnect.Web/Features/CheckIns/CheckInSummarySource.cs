using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>
/// A therapist summary's daily question: on how many days both answered, and the answers a person ticks of their own,
/// only from days both were shown (reveal together and private mode included, through <see cref="SharedWithPartner"/>).
/// </summary>
internal sealed class CheckInSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public const string EntryKind = "answer";

    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var asked = await db.DailyQuestions.AsNoTracking().CountAsync(daily => daily.Day >= scope.From && daily.Day <= scope.To, cancellationToken);
        var bothAnswered = await SharedWithPartner.CheckInAnswers(db, scope.Now)
            .Join(db.DailyQuestions.Where(daily => daily.Day >= scope.From && daily.Day <= scope.To), answer => answer.DailyQuestionId, daily => daily.Id, (answer, daily) => daily.Id)
            .Distinct()
            .CountAsync(cancellationToken);
        return new SummarySection(50, "The daily question", [new SummaryFact("Days both answered", $"{bothAnswered} of {asked}")], []);
    }

    public async Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var mine = await SharedWithPartner.CheckInAnswers(db, scope.Now).AsNoTracking()
            .Where(answer => answer.AuthorId == authorId && answer.RemovedAt == null)
            .Join(db.DailyQuestions.Where(daily => daily.Day >= scope.From && daily.Day <= scope.To), answer => answer.DailyQuestionId, daily => daily.Id, (answer, daily) => new { Answer = answer, daily.Day, daily.QuestionId })
            .OrderBy(row => row.Day)
            .ToListAsync(cancellationToken);
        return mine
            .Where(row => row.Answer.Text.Length > 0)
            .Select(row => new SummaryEntry(EntryKind, row.Answer.Id, authorId, row.Day, QuestionBank.All.FirstOrDefault(question => question.Id == row.QuestionId)?.Text ?? "The daily question", row.Answer.Text))
            .ToList();
    }
}
