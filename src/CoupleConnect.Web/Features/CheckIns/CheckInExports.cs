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
        // Whole answers, not columns: their text decrypts only with the row it belongs to (docs/adr/0017). Across
        // couples: a person's own words from every couple they were in (the filter is ignored for the whole query).
        var mine = await db.CheckInAnswers.AsNoTracking().AcrossCouples()
            .Where(answer => answer.AuthorId == user.Id && answer.RemovedAt == null)
            .Join(db.DailyQuestions, answer => answer.DailyQuestionId, daily => daily.Id, (answer, daily) => new { daily.Day, daily.QuestionId, Answer = answer })
            .OrderBy(row => row.Day)
            .ToListAsync(cancellationToken);

        // Reflections this person wrote are stored on the partner's answer row (also on days whose answer they removed).
        var myDailyIds = await db.CheckInAnswers.AsNoTracking().AcrossCouples().Where(answer => answer.AuthorId == user.Id).Select(answer => answer.DailyQuestionId).ToListAsync(cancellationToken);
        var reflections = await db.CheckInAnswers.AsNoTracking().AcrossCouples()
            .Where(answer => myDailyIds.Contains(answer.DailyQuestionId) && answer.AuthorId != user.Id && answer.ReflectionText != null)
            .ToListAsync(cancellationToken);

        return new
        {
            Answers = mine.Select(row => new
            {
                row.Day,
                Question = QuestionBank.All.FirstOrDefault(question => question.Id == row.QuestionId)?.Text,
                row.Answer.Text,
                row.Answer.AnsweredAt,
                YourResponseToTheReflection = row.Answer.Verdict,
                YourClarification = row.Answer.Clarification,
            }),
            ReflectionsYouWrote = reflections.Select(reflection => new { reflection.ReflectionText, reflection.ReflectedAt }),
        };
    }
}

/// <summary>An ended couple's archive: the questions, and both answers where both had answered (as they were shared).</summary>
internal sealed class CheckInArchive : ICoupleArchiveSource
{
    public string Section => "checkIns";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var days = await content.Questions.OrderBy(daily => daily.Day).ToListAsync(cancellationToken);
        var answers = (await content.CheckInAnswers.ToListAsync(cancellationToken)).ToLookup(answer => answer.DailyQuestionId);
        var names = await content.NamesAsync(answers.SelectMany(group => group).Select(answer => answer.AuthorId), cancellationToken);

        // A day nobody was shown both answers of keeps its question and nothing else.
        return days.Select(daily => new
        {
            daily.Day,
            Question = QuestionBank.All.FirstOrDefault(question => question.Id == daily.QuestionId)?.Text,
            Answers = answers.Contains(daily.Id)
                ? answers[daily.Id].OrderBy(answer => answer.AnsweredAt).Select(answer => new
                {
                    By = names.GetValueOrDefault(answer.AuthorId, "(account deleted)"),
                    Text = answer.IsRemoved ? null : answer.Text,
                    RemovedByItsAuthor = answer.IsRemoved,
                    Reflection = answer.ReflectionText,
                    ReflectionRemovedByItsAuthor = answer.ReflectionRemoved,
                    Response = answer.Verdict,
                    answer.Clarification,
                })
                : null,
        });
    }
}
