using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

public sealed record CoupleSummary(string Name, string PartnerName, DateTimeOffset Since, DateOnly? Anniversary);

public sealed record CoupleArchiveSummary(string Name, string FormerPartnerName, DateTimeOffset EndedAt, DateTimeOffset AvailableUntil)
{
    /// <summary>Resolved on the server for the signed-in person; never taken from the browser.</summary>
    public Guid CoupleId { get; init; }
}

/// <summary>What the home page needs: the current couple if any, and a recent ended couple's archive if any.</summary>
public sealed record CoupleHome(CoupleSummary? Couple, CoupleArchiveSummary? Archive, string TimeZoneId);

public sealed class CoupleHomeService(CurrentUser currentUser, CurrentCouple currentCouple, CoupleArchiveService archives, CoupleNotifier notifier, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// Hears, on any instance, that someone accepted the signed-in person's invite, so their open page can turn into the
    /// couple's home without a reload. Null when signed out.
    /// </summary>
    public async Task<IDisposable?> SubscribeToPairingAsync(Func<Task> onPaired)
    {
        var userId = await currentUser.GetIdAsync();
        return userId is null ? null : notifier.SubscribePerson(userId, change => change == CoupleChange.Paired ? onPaired() : Task.CompletedTask);
    }

    public async Task<CoupleHome?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return null;
        }

        var scope = await currentCouple.GetAsync(cancellationToken);
        var couple = scope is null ? null : new CoupleSummary(scope.CoupleName, scope.PartnerName, scope.PairedAt, scope.Anniversary);
        var zone = scope?.MyZone.Value ?? await OwnZoneAsync(userId, cancellationToken);
        var archive = await archives.FindForUserAsync(userId, cancellationToken);
        return new CoupleHome(couple, archive, zone);
    }

    private async Task<string> OwnZoneAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(user => user.Id == userId).Select(user => user.TimeZoneId).SingleAsync(cancellationToken);
    }
}
