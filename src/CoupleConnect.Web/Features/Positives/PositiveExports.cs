using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>"Download my data": every positive and note of thanks this person wrote, and those written about them.</summary>
internal sealed class PositivePersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "positives";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Positives.AsNoTracking()
            .Where(positive => positive.AuthorId == user.Id || positive.AboutId == user.Id)
            .OrderBy(positive => positive.CreatedAt)
            .ToListAsync(cancellationToken);
        return new
        {
            YouWrote = entries.Where(positive => positive.AuthorId == user.Id).Select(ToExport),
            WrittenAboutYou = entries.Where(positive => positive.AboutId == user.Id).Select(ToExport),
        };
    }

    private static object ToExport(Domain.Positives.Positive positive) => new
    {
        Kind = PositiveKindNames.Of(positive.Kind),
        positive.Note,
        positive.Day,
        positive.IsNightlyGratitude,
        positive.CreatedAt,
        positive.AcknowledgedAt,
    };
}

/// <summary>An ended couple's archive: what each noticed about the other, as both saw it.</summary>
internal sealed class PositiveArchive : ICoupleArchiveSource
{
    public string Section => "positives";

    public async Task<object?> ExportAsync(AppDbContext db, Guid coupleId, CancellationToken cancellationToken)
    {
        var entries = await db.Positives.AsNoTracking().Where(positive => positive.CoupleId == coupleId).OrderBy(positive => positive.CreatedAt).ToListAsync(cancellationToken);
        var authorIds = entries.Select(positive => positive.AuthorId).Distinct().ToList();
        var names = await db.Users.Where(user => authorIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
        return entries.Select(positive => new
        {
            By = names.GetValueOrDefault(positive.AuthorId, "(account deleted)"),
            Kind = PositiveKindNames.Of(positive.Kind),
            positive.Note,
            positive.Day,
            positive.IsNightlyGratitude,
            positive.AcknowledgedAt,
        });
    }
}
