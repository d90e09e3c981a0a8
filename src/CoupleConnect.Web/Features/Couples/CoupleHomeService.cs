using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

public sealed record CoupleSummary(string Name, string PartnerName, DateTimeOffset Since, DateOnly? Anniversary);

public sealed record CoupleArchiveSummary(string Name, string FormerPartnerName, DateTimeOffset EndedAt, DateTimeOffset AvailableUntil);

/// <summary>What the home page needs: the current couple if any, and a recent ended couple's archive if any.</summary>
public sealed record CoupleHome(CoupleSummary? Couple, CoupleArchiveSummary? Archive, string TimeZoneId);

public sealed class CoupleHomeService(CurrentUser currentUser, CurrentCouple currentCouple, CoupleArchiveService archives, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<CoupleHome?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await db.Users.Where(user => user.Id == userId).Select(user => user.TimeZoneId).SingleAsync(cancellationToken);
        var scope = await currentCouple.GetAsync(cancellationToken);
        CoupleSummary? couple = null;
        if (scope is not null)
        {
            couple = await db.Couples.AsNoTracking()
                .Where(couple => couple.Id == scope.CoupleId)
                .Select(couple => new CoupleSummary(
                    couple.Name,
                    db.Users.Where(user => user.Id == scope.PartnerId).Select(user => user.DisplayName).Single(),
                    couple.CreatedAt,
                    couple.Anniversary))
                .SingleAsync(cancellationToken);
        }

        var archive = await archives.FindForUserAsync(userId, cancellationToken);
        return new CoupleHome(couple, archive, zone);
    }
}
