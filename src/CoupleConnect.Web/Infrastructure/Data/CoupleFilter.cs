using CoupleConnect.Domain.Couples;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Infrastructure.Data;

/// <summary>The named query filter that keeps each couple's rows to that couple (see <see cref="AppDbContext.ScopedCoupleId"/>).</summary>
public static class CoupleFilter
{
    public const string Name = "Couple";

    /// <summary>
    /// The one way to read couple-owned rows across couples, for code that must (jobs, the reminder dispatcher, archives,
    /// admin counts, a person's own export): grep for it to see every exception to couple scope.
    /// </summary>
    public static IQueryable<T> AcrossCouples<T>(this IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters([Name]);

    /// <summary>True when <paramref name="type"/> is owned by one couple and so must carry the filter.</summary>
    public static bool IsCoupleOwned(Type type) => typeof(ICoupleOwned).IsAssignableFrom(type);
}
