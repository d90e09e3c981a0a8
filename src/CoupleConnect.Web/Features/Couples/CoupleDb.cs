using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>The signed-in person's couple and a context that can see only that couple's rows.</summary>
public sealed class CoupleSession(CoupleScope scope, AppDbContext db) : IAsyncDisposable
{
    public CoupleScope Scope { get; } = scope;

    public AppDbContext Db { get; } = db;

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>
/// Opens database contexts for one couple (docs/adr/0025-couple-scope-as-a-query-filter.md): the couple filter then
/// hides every other couple's rows, so couple-scoped code writes no couple filter of its own.
/// </summary>
public sealed class CoupleDb(CurrentCouple currentCouple, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The signed-in person's couple and a context for it, or null when signed out or unpaired.</summary>
    public async Task<CoupleSession?> OpenAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : new CoupleSession(scope, await OpenAsync(scope, cancellationToken));
    }

    /// <summary>Another context for a couple already resolved (e.g. to retry a change on fresh rows).</summary>
    public Task<AppDbContext> OpenAsync(CoupleScope scope, CancellationToken cancellationToken = default) => OpenAsync(dbFactory, scope.CoupleId, cancellationToken);

    /// <summary>For server code that acts for one couple it already knows (jobs, planners after a change).</summary>
    public static async Task<AppDbContext> OpenAsync(IDbContextFactory<AppDbContext> dbFactory, Guid coupleId, CancellationToken cancellationToken = default)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return db.ScopeTo(coupleId);
    }
}
