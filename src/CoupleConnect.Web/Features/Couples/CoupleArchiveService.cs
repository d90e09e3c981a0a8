using System.Text.Json;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// A feature's share of an ended couple's archive export. It reads only <see cref="CoupleArchiveContent"/>: what both
/// partners were shown while together.
/// </summary>
public interface ICoupleArchiveSource
{
    string Section { get; }

    Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken);
}

/// <summary>
/// After a couple ends, what they shared (only what each had been shown: <see cref="SharedWithPartner"/>) stays
/// readable to each former partner for 30 days (export as JSON), then <see cref="PurgeExpiredAsync"/> deletes it.
/// </summary>
public sealed class CoupleArchiveService(IDbContextFactory<AppDbContext> dbFactory, IEnumerable<ICoupleArchiveSource> sources, TimeProvider timeProvider, ILogger<CoupleArchiveService> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The most recent ended couple <paramref name="userId"/> was in, while its archive is still available.</summary>
    public async Task<CoupleArchiveSummary?> FindForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var couple = await FindArchivedCoupleAsync(db, userId, cancellationToken);
        if (couple is null)
        {
            return null;
        }

        var formerPartnerId = couple.Members.FirstOrDefault(member => member.UserId != userId)?.UserId;
        var formerPartnerName = await db.Users.Where(user => user.Id == formerPartnerId).Select(user => user.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? "your former partner";
        return new CoupleArchiveSummary(couple.Name, formerPartnerName, couple.EndedAt!.Value, couple.ArchiveAvailableUntil!.Value) { CoupleId = couple.Id };
    }

    /// <summary>The archive as JSON for one of its former partners; null for anyone else or once it expired.</summary>
    public async Task<byte[]?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var couple = await FindArchivedCoupleAsync(db, userId, cancellationToken);
        if (couple is null)
        {
            return null;
        }

        var memberIds = couple.Members.Select(member => member.UserId).ToList();
        var names = await db.Users.Where(user => memberIds.Contains(user.Id)).Select(user => new { user.Id, user.DisplayName }).ToListAsync(cancellationToken);
        var document = new Dictionary<string, object?>
        {
            ["exportedAt"] = timeProvider.GetUtcNow(),
            ["couple"] = new
            {
                couple.Name,
                couple.HomeTimeZoneId,
                couple.Anniversary,
                Since = couple.CreatedAt,
                couple.EndedAt,
                AvailableUntil = couple.ArchiveAvailableUntil,
                Partners = couple.Members.Select(member => new
                {
                    DisplayName = names.FirstOrDefault(name => name.Id == member.UserId)?.DisplayName ?? "(account deleted)",
                    IsYou = member.UserId == userId,
                    member.JoinedAt,
                    member.LeftAt,
                }),
            },
        };

        await using var archiveDb = await CoupleDb.OpenAsync(dbFactory, couple.Id, cancellationToken);
        var content = new CoupleArchiveContent(archiveDb, timeProvider.GetUtcNow());
        foreach (var source in sources)
        {
            document[source.Section] = await source.ExportAsync(content, cancellationToken);
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }

    /// <summary>Deletes every ended couple whose 30 days have passed (shared content goes with it by cascade). Safe to run twice.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = timeProvider.GetUtcNow() - Couple.ArchiveRetention;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purged = await db.Couples.Where(couple => couple.EndedAt != null && couple.EndedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} ended couple archive(s)", purged);
        }

        return purged;
    }

    private async Task<Couple?> FindArchivedCoupleAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cutoff = now - Couple.ArchiveRetention;
        var couple = await db.Couples.AsNoTracking().Include(couple => couple.Members)
            .Where(couple => couple.EndedAt != null && couple.EndedAt > cutoff && couple.Members.Any(member => member.UserId == userId))
            .OrderByDescending(couple => couple.EndedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return couple is not null && couple.IsArchiveAvailableTo(userId, now) ? couple : null;
    }
}
