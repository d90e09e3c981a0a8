using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>The couple the signed-in person belongs to right now, resolved on the server.</summary>
public sealed record CoupleScope(Guid CoupleId, string UserId, string PartnerId);

/// <summary>
/// The one mechanism for couple scoping (docs/architecture.md): every couple-owned query starts from a <see cref="CoupleScope"/>
/// this service resolved from the authenticated user. No page or endpoint takes a couple id or user id from the browser.
/// </summary>
public sealed class CurrentCouple(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The active couple of the signed-in person, or null when signed out or unpaired.</summary>
    public async Task<CoupleScope?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        return userId is null ? null : await ForUserAsync(dbFactory, userId, cancellationToken);
    }

    /// <summary>For server code that already knows the authenticated user (HTTP endpoints, jobs).</summary>
    public static async Task<CoupleScope?> ForUserAsync(IDbContextFactory<AppDbContext> dbFactory, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var membership = await db.CoupleMembers.AsNoTracking()
            .Where(member => member.UserId == userId && member.LeftAt == null)
            .Select(member => new
            {
                member.CoupleId,
                PartnerId = db.CoupleMembers.Where(other => other.CoupleId == member.CoupleId && other.UserId != userId).Select(other => other.UserId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return membership?.PartnerId is null ? null : new CoupleScope(membership.CoupleId, userId, membership.PartnerId);
    }
}
