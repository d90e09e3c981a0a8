using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Story;

/// <summary>
/// The story's part of "my words are mine" after a couple ends (docs/adr/0035), run by <c>AuthorWords</c> inside its
/// transaction on a context opened for the ended couple: the author's sides go; their moments go, except that a moment
/// the other partner added their side to stays empty around that side, as when taking a moment back in the couple.
/// </summary>
internal static class StoryOfFormerPartner
{
    /// <returns>How many moments and sides lost their author's words.</returns>
    public static async Task<int> RemoveAsync(AppDbContext db, string authorId, DateTimeOffset now, CancellationToken ct)
    {
        var removed = await db.StorySides.Where(side => side.AuthorId == authorId).ExecuteDeleteAsync(ct);

        var kept = await db.StoryMoments
            .Where(moment => moment.AuthorId == authorId && moment.RemovedAt == null && db.StorySides.Any(side => side.MomentId == moment.Id))
            .ToListAsync(ct);
        kept.ForEach(moment => moment.Empty(now));
        await db.SaveChangesAsync(ct);
        removed += kept.Count;

        removed += await db.StoryMoments
            .Where(moment => moment.AuthorId == authorId && !db.StorySides.Any(side => side.MomentId == moment.Id))
            .ExecuteDeleteAsync(ct);

        // The other's moments already emptied by them stood only for the side just removed.
        await db.StoryMoments.Where(moment => moment.RemovedAt != null && !db.StorySides.Any(side => side.MomentId == moment.Id)).ExecuteDeleteAsync(ct);
        return removed;
    }
}
