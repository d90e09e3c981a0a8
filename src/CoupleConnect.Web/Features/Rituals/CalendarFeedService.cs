using CoupleConnect.Domain.Common;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>The signed-in person's secret calendar address, as the card shows it.</summary>
public sealed record CalendarFeedView(string Url, DateTimeOffset CreatedAt);

/// <summary>
/// Each person's secret calendar feed (.ics) of their couple's upcoming rituals: showing, making (or replacing) and turning
/// off the address for the signed-in person, and writing the feed for whoever holds a valid address. The token in the
/// address is the only thing read from the request: it names a person and the couple the address was made in, and
/// works only while that person is still in that couple (so an ex's old address never shows a later couple's rituals).
/// </summary>
public sealed class CalendarFeedService(
    CurrentUser currentUser,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider timeProvider,
    AppLinks links,
    ILogger<CalendarFeedService> logger)
{
    /// <summary>Tokens are 43 characters (256 random bits, base64url); anything much longer is not worth hashing.</summary>
    public const int MaxTokenLength = 64;

    private const int ReplaceAttempts = 3;

    /// <summary>The feed's path for a token, relative to the app's base address.</summary>
    public static string PathFor(string token) => $"calendar/{token}.ics";

    /// <summary>
    /// The signed-in person's current address, or null when they have none (or are signed out). An address made outside
    /// their current couple no longer works, so it is not shown: they make a new one.
    /// </summary>
    public async Task<CalendarFeedView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return null;
        }

        var coupleId = (await CurrentCouple.ForUserAsync(dbFactory, userId, cancellationToken))?.CoupleId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.CalendarFeedKeys.AsNoTracking().SingleOrDefaultAsync(key => key.UserId == userId && key.CoupleId == coupleId, cancellationToken);
        return key is null ? null : ToView(key);
    }

    /// <summary>Makes the signed-in person's address, or replaces it: the old address stops working at once.</summary>
    public async Task<ServiceResult<CalendarFeedView>> CreateAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult<CalendarFeedView>.Fail("Please sign in first.");
        }

        var coupleId = (await CurrentCouple.ForUserAsync(dbFactory, userId, cancellationToken))?.CoupleId;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Lock the current key first: a second tap waits here, and its delete (a new statement) then sees and
            // replaces the key this one adds, instead of colliding with it.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM calendar_feed_keys WHERE user_id = {userId} FOR UPDATE", cancellationToken);
            var replaced = await db.CalendarFeedKeys.Where(key => key.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
            var key = CalendarFeedKey.NewFor(userId, coupleId, timeProvider.GetUtcNow());
            db.CalendarFeedKeys.Add(key);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (replaced)
                {
                    logger.LogInformation("Calendar feed address replaced");
                }
                else
                {
                    logger.LogInformation("Calendar feed address created");
                }

                return ServiceResult<CalendarFeedView>.Ok(ToView(key));
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < ReplaceAttempts)
            {
                // Two first-ever keys at once: the other one committed first. Replace it (now there is a row to lock).
            }
        }
    }

    /// <summary>Turns the signed-in person's address off: calendars using it stop updating (the address answers 404).</summary>
    public async Task<ServiceResult> RevokeAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.CalendarFeedKeys.Where(key => key.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return ServiceResult.Fail("Your calendar address is already turned off.");
        }

        logger.LogInformation("Calendar feed address turned off");
        return ServiceResult.Ok;
    }

    /// <summary>
    /// The feed for <paramref name="token"/>: the key holder's couple's upcoming rituals, or an empty (valid) calendar for
    /// an address made while unpaired, as long as they still are. Null for a malformed, unknown or turned-off token, and
    /// for an address made in another couple than the one its holder is in now (ended, or before a new one).
    /// </summary>
    public async Task<string?> RenderAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        var hash = CalendarFeedKey.Hash(token!);
        CalendarFeedKey? key;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            key = await db.CalendarFeedKeys.AsNoTracking().Where(key => key.TokenHash == hash).SingleOrDefaultAsync(cancellationToken);
        }

        if (key is null)
        {
            return null;
        }

        var userId = key.UserId;
        var now = timeProvider.GetUtcNow();
        var scope = await CurrentCouple.ForUserAsync(dbFactory, userId, cancellationToken);
        if (scope?.CoupleId != key.CoupleId)
        {
            return null;
        }

        if (scope is null)
        {
            await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ownZone = await read.Users.Where(user => user.Id == userId).Select(user => user.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
            return RitualCalendar.Render(TimeZoneId.ParseOrUtc(ownZone), [], now, RitualLink);
        }

        await using var couple = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var rituals = await couple.Rituals.AsNoTracking().Where(ritual => ritual.DeletedAt == null).ToListAsync(cancellationToken);
        var entries = rituals.Select(ritual => new CalendarRitual(ritual.Id, ritual.Name, ritual.Description, ritual.Schedule, ritual.UpdatedAt));
        return RitualCalendar.Render(scope.HomeZone, entries, now, RitualLink);
    }

    /// <summary>
    /// Every address made in <paramref name="coupleId"/>, deleted as the couple ends (inside its transaction). An address
    /// is a person's, not the couple's (it may be made while unpaired), so it carries no couple filter: it names the
    /// couple it was made in.
    /// </summary>
    public static Task<int> DeleteForCoupleAsync(AppDbContext db, Guid coupleId, CancellationToken cancellationToken) =>
        db.CalendarFeedKeys.Where(key => key.CoupleId == coupleId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Base64url, of a sensible length: anything else is refused before touching the database.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: > 0 and <= MaxTokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private string RitualLink(Guid ritualId) => links.To($"rituals/{ritualId:D}");

    private CalendarFeedView ToView(CalendarFeedKey key) => new(links.To(PathFor(key.Token)), key.CreatedAt);
}
