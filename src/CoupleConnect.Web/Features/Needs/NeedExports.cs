using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Needs;

/// <summary>"Download my data": the needs this person wrote (with their earlier words) and their own answers in monthly reflections. Never the partner's words.</summary>
internal sealed class NeedPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "needs";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Across couples: what this person wrote, in every couple they were in.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var needs = await db.Needs.AsNoTracking().AcrossCouples().Where(need => need.AuthorId == user.Id).OrderBy(need => need.CreatedAt).ToListAsync(cancellationToken);
        var versions = await db.NeedVersions.AsNoTracking().AcrossCouples().Where(version => version.AuthorId == user.Id).OrderBy(version => version.EndedAt).ToListAsync(cancellationToken);
        var answers = await db.NeedAnswers.AsNoTracking().AcrossCouples().Where(answer => answer.AuthorId == user.Id).OrderBy(answer => answer.Day).ToListAsync(cancellationToken);
        return new
        {
            YourNeeds = needs.Select(need => new
            {
                need.Text,
                need.CreatedAt,
                need.WrittenAt,
                need.TakenOffAt,
                EarlierWords = versions.Where(version => version.NeedId == need.Id && version.Change == Domain.Needs.NeedChange.Revised)
                    .Select(version => new { version.Text, version.WrittenAt, ReplacedAt = version.EndedAt }),
            }),

            // The need each answer was about may be the partner's: it is named only by day, never by the partner's words.
            YourAnswersInMonthlyReflections = answers.Select(answer => new { answer.Day, answer.Text, answer.UpdatedAt }),
        };
    }
}

/// <summary>An ended couple's archive: both partners' needs and their history, and the reflection answers both gave.</summary>
internal sealed class NeedArchive : ICoupleArchiveSource
{
    public string Section => "needs";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var needs = await content.Needs.OrderBy(need => need.CreatedAt).ToListAsync(cancellationToken);
        var versions = await content.NeedVersions.OrderBy(version => version.EndedAt).ToListAsync(cancellationToken);
        var answers = await content.NeedAnswers.OrderBy(answer => answer.Day).ToListAsync(cancellationToken);
        var names = await content.NamesAsync(needs.Select(need => need.AuthorId).Concat(answers.Select(answer => answer.AuthorId)), cancellationToken);
        string NameOf(string id) => names.GetValueOrDefault(id, "(account deleted)");
        return needs.Select(need => new
        {
            By = NameOf(need.AuthorId),
            need.Text,
            need.CreatedAt,
            need.TakenOffAt,
            need.TryingSince,
            EarlierWords = versions.Where(version => version.NeedId == need.Id && version.Change == Domain.Needs.NeedChange.Revised)
                .Select(version => new { version.Text, version.WrittenAt, ReplacedAt = version.EndedAt }),
            HowTryingItWent = answers.Where(answer => answer.NeedId == need.Id).Select(answer => new { answer.Day, By = NameOf(answer.AuthorId), answer.Text }),
        });
    }
}
