using CoupleConnect.Domain.Common;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// The couple the signed-in person belongs to right now, resolved on the server, with what nearly every couple page
/// needs about it: both names, the zones and when they paired. Loaded in one query by <see cref="CurrentCouple"/>.
/// </summary>
public sealed record CoupleScope(Guid CoupleId, string UserId, string PartnerId)
{
    public string CoupleName { get; init; } = string.Empty;

    public string MyName { get; init; } = string.Empty;

    public string PartnerName { get; init; } = string.Empty;

    /// <summary>The couple's home zone: the couple's days (the daily question, positives, rituals) are its days.</summary>
    public TimeZoneId HomeZone { get; init; } = TimeZoneId.Utc;

    public TimeZoneId MyZone { get; init; } = TimeZoneId.Utc;

    public TimeZoneId PartnerZone { get; init; } = TimeZoneId.Utc;

    public DateTimeOffset PairedAt { get; init; }

    public DateOnly? Anniversary { get; init; }

    /// <summary>The couple reveals answers only when both tap "Reveal" (docs/adr/0036).</summary>
    public bool RevealTogether { get; init; }

    /// <summary>The signed-in person is in private mode: what they write reaches the partner the next morning. Never the partner's.</summary>
    public bool IAmPrivate { get; init; }

    /// <summary>When the partner may see what the signed-in person writes at <paramref name="now"/>: null for at once.</summary>
    public DateTimeOffset? HoldFromPartner(DateTimeOffset now) => Domain.Couples.PrivateMode.HoldFor(IAmPrivate, now, HomeZone);

    /// <summary>The couple's day at <paramref name="now"/>.</summary>
    public DateOnly TodayAt(DateTimeOffset now) => HomeZone.LocalDate(now);

    public DateOnly PairedOn => HomeZone.LocalDate(PairedAt);

    public IReadOnlyCollection<string> MemberIds => [UserId, PartnerId];
}

/// <summary>
/// Resolves the signed-in person's couple (docs/adr/0025-couple-scope-as-a-query-filter.md): every couple-owned query
/// runs in a context <see cref="CoupleDb"/> opened for the <see cref="CoupleScope"/> this returns. No page or endpoint
/// takes a couple id or user id from the browser.
/// </summary>
public sealed class CurrentCouple(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The active couple of the signed-in person, or null when signed out or unpaired.</summary>
    public async Task<CoupleScope?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        return userId is null ? null : await ForUserAsync(dbFactory, userId, cancellationToken);
    }

    /// <summary>For server code that already knows the authenticated user (HTTP endpoints, jobs). One round trip.</summary>
    public static async Task<CoupleScope?> ForUserAsync(IDbContextFactory<AppDbContext> dbFactory, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.CoupleMembers.AsNoTracking()
            .Where(member => member.UserId == userId && member.LeftAt == null)
            .Select(member => new
            {
                member.CoupleId,
                member.PrivateSince,
                Couple = db.Couples.Where(couple => couple.Id == member.CoupleId)
                    .Select(couple => new { couple.Name, couple.HomeTimeZoneId, couple.CreatedAt, couple.Anniversary, couple.RevealTogether }).Single(),
                Me = db.Users.Where(user => user.Id == userId).Select(user => new { user.DisplayName, user.TimeZoneId }).Single(),
                Partner = db.CoupleMembers.Where(other => other.CoupleId == member.CoupleId && other.UserId != userId)
                    .Join(db.Users, other => other.UserId, user => user.Id, (other, user) => new { user.Id, user.DisplayName, user.TimeZoneId })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found?.Partner is null
            ? null
            : new CoupleScope(found.CoupleId, userId, found.Partner.Id)
            {
                CoupleName = found.Couple.Name,
                MyName = found.Me.DisplayName,
                PartnerName = found.Partner.DisplayName,
                HomeZone = TimeZoneId.ParseOrUtc(found.Couple.HomeTimeZoneId),
                MyZone = TimeZoneId.ParseOrUtc(found.Me.TimeZoneId),
                PartnerZone = TimeZoneId.ParseOrUtc(found.Partner.TimeZoneId),
                PairedAt = found.Couple.CreatedAt,
                Anniversary = found.Couple.Anniversary,
                RevealTogether = found.Couple.RevealTogether,
                IAmPrivate = found.PrivateSince is not null,
            };
    }
}
