using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>"Download my data": every positive and note of thanks this person wrote, and those written about them.</summary>
internal sealed class PositivePersonalData(IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider) : IPersonalDataSource
{
    public string Section => "positives";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var yours = await db.Positives.AsNoTracking().AcrossCouples().Where(positive => positive.AuthorId == user.Id).OrderBy(positive => positive.CreatedAt).ToListAsync(cancellationToken);

        // The partner's words: only what they had been shown to this person. Both across every couple they were in.
        var aboutYou = await SharedWithPartner.Positives(db, timeProvider.GetUtcNow()).AsNoTracking().AcrossCouples().Where(positive => positive.AboutId == user.Id).OrderBy(positive => positive.CreatedAt).ToListAsync(cancellationToken);
        return new
        {
            YouWrote = yours.Select(ToExport),
            WrittenAboutYou = aboutYou.Select(ToExport),
        };
    }

    private static object ToExport(Domain.Positives.Positive positive) => new
    {
        Kind = PositiveKindNames.Of(positive.Kind),
        positive.Note,
        positive.Day,
        positive.IsEveningGratitude,
        HeartOnTheAnswerOf = positive.HeartOnQuestionOf,
        positive.CreatedAt,
        positive.AcknowledgedAt,
    };
}

/// <summary>An ended couple's archive: what each noticed about the other, as both saw it.</summary>
internal sealed class PositiveArchive : ICoupleArchiveSource
{
    public string Section => "positives";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var entries = await content.Positives.OrderBy(positive => positive.CreatedAt).ToListAsync(cancellationToken);
        var names = await content.NamesAsync(entries.Select(positive => positive.AuthorId), cancellationToken);
        return entries.Select(positive => new
        {
            By = names.GetValueOrDefault(positive.AuthorId, "(account deleted)"),
            Kind = PositiveKindNames.Of(positive.Kind),
            positive.Note,
            positive.Day,
            positive.IsEveningGratitude,
            HeartOnTheAnswerOf = positive.HeartOnQuestionOf,
            positive.AcknowledgedAt,
        });
    }
}
