using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>"Download my data": every answer, reflection and clarification this person wrote.</summary>
internal sealed class CheckInPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "checkIns";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = await db.CheckInAnswers.AsNoTracking()
            .Where(answer => answer.AuthorId == user.Id)
            .Join(db.DailyQuestions, answer => answer.DailyQuestionId, daily => daily.Id, (answer, daily) => new { daily.Day, daily.QuestionId, answer.Text, answer.AnsweredAt, answer.Verdict, answer.Clarification })
            .OrderBy(row => row.Day)
            .ToListAsync(cancellationToken);

        // Reflections this person wrote are stored on the partner's answer row.
        var myDailyIds = await db.CheckInAnswers.Where(answer => answer.AuthorId == user.Id).Select(answer => answer.DailyQuestionId).ToListAsync(cancellationToken);
        var reflections = await db.CheckInAnswers.AsNoTracking()
            .Where(answer => myDailyIds.Contains(answer.DailyQuestionId) && answer.AuthorId != user.Id && answer.ReflectionText != null)
            .Select(answer => new { answer.DailyQuestionId, answer.ReflectionText, answer.ReflectedAt })
            .ToListAsync(cancellationToken);

        return new
        {
            Answers = mine.Select(row => new
            {
                row.Day,
                Question = QuestionBank.All.FirstOrDefault(question => question.Id == row.QuestionId)?.Text,
                row.Text,
                row.AnsweredAt,
                YourResponseToTheReflection = row.Verdict,
                YourClarification = row.Clarification,
            }),
            ReflectionsYouWrote = reflections.Select(reflection => new { reflection.ReflectionText, reflection.ReflectedAt }),
        };
    }
}

/// <summary>An ended couple's archive: the questions and both answers, as they were shared.</summary>
internal sealed class CheckInArchive : ICoupleArchiveSource
{
    public string Section => "checkIns";

    public async Task<object?> ExportAsync(AppDbContext db, Guid coupleId, CancellationToken cancellationToken)
    {
        var days = await db.DailyQuestions.AsNoTracking().Include(daily => daily.Answers)
            .Where(daily => daily.CoupleId == coupleId)
            .OrderBy(daily => daily.Day)
            .ToListAsync(cancellationToken);
        var authorIds = days.SelectMany(daily => daily.Answers).Select(answer => answer.AuthorId).Distinct().ToList();
        var names = await db.Users.Where(user => authorIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);

        // Unrevealed answers stay private even in the archive: only what both had already seen is exported.
        return days.Select(daily => new
        {
            daily.Day,
            Question = QuestionBank.All.FirstOrDefault(question => question.Id == daily.QuestionId)?.Text,
            Answers = daily.IsRevealed
                ? daily.Answers.Select(answer => new
                {
                    By = names.GetValueOrDefault(answer.AuthorId, "(account deleted)"),
                    answer.Text,
                    Reflection = answer.ReflectionText,
                    Response = answer.Verdict,
                    answer.Clarification,
                })
                : null,
        });
    }
}
