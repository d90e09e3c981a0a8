using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Story;

/// <summary>"Download my data": the moments this person wrote and their sides of the partner's moments. Never the partner's words.</summary>
internal sealed class StoryPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "story";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Across couples: what this person wrote, in every couple they were in.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var moments = await db.StoryMoments.AsNoTracking().AcrossCouples()
            .Where(moment => moment.AuthorId == user.Id && moment.RemovedAt == null)
            .OrderBy(moment => moment.Day).ThenBy(moment => moment.CreatedAt)
            .ToListAsync(cancellationToken);
        var sides = await db.StorySides.AsNoTracking().AcrossCouples().Where(side => side.AuthorId == user.Id).OrderBy(side => side.WrittenAt).ToListAsync(cancellationToken);
        var sideDays = await db.StoryMoments.AsNoTracking().AcrossCouples()
            .Where(moment => db.StorySides.Any(side => side.MomentId == moment.Id && side.AuthorId == user.Id))
            .Select(moment => new { moment.Id, moment.Day })
            .ToDictionaryAsync(moment => moment.Id, moment => moment.Day, cancellationToken);
        return new
        {
            YourMoments = moments.Select(moment => new { moment.Title, moment.Day, moment.RoughTime, moment.Text, AHardTimeWeGotThrough = moment.HardTime, moment.CreatedAt, moment.UpdatedAt }),

            // The moment each side is about is the partner's: it is named only by its day, never by the partner's words.
            HowYouRememberYourPartnersMoments = sides.Select(side => new { MomentDay = sideDays.GetValueOrDefault(side.MomentId), side.Text, side.WrittenAt }),
        };
    }
}

/// <summary>An ended couple's archive: the story as both were shown it, oldest first, with each side under its moment.</summary>
internal sealed class StoryArchive : ICoupleArchiveSource
{
    public string Section => "story";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var moments = await content.StoryMoments.OrderBy(moment => moment.Day).ThenBy(moment => moment.CreatedAt).ToListAsync(cancellationToken);
        var sides = await content.StorySides.ToListAsync(cancellationToken);
        var names = await content.NamesAsync(moments.Select(moment => moment.AuthorId).Concat(sides.Select(side => side.AuthorId)), cancellationToken);
        string NameOf(string id) => names.GetValueOrDefault(id, "(account deleted)");
        return moments
            .Select(moment => new
            {
                Moment = moment,
                Side = sides.FirstOrDefault(side => side.MomentId == moment.Id && side.AuthorId != moment.AuthorId),
            })
            .Where(entry => !entry.Moment.IsRemoved || entry.Side is not null)
            .Select(entry => new
            {
                By = entry.Moment.IsRemoved ? null : NameOf(entry.Moment.AuthorId),
                Title = entry.Moment.IsRemoved ? "(removed by its author)" : entry.Moment.Title,
                entry.Moment.Day,
                entry.Moment.RoughTime,
                entry.Moment.Text,
                AHardTimeWeGotThrough = entry.Moment.HardTime,
                HowTheOtherRemembersIt = entry.Side is null ? null : new { By = NameOf(entry.Side.AuthorId), entry.Side.Text },
            });
    }
}
