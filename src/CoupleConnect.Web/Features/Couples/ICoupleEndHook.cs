using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// How a feature hears that a couple is ending, inside the transaction that ends it (through <paramref name="db"/>'s
/// current transaction), so what it does commits with the end or not at all. Features reach the couple this way, never
/// the other way round.
/// </summary>
public interface ICoupleEndHook
{
    /// <summary>One partner left quietly: they are out now, while the other is not told yet (docs/adr/0038).</summary>
    Task LeftQuietlyAsync(AppDbContext db, Couple couple, string leaverId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The couple ended for both; <paramref name="partnerToTell"/> is owed a notice (null when nobody is).</summary>
    Task EndedAsync(AppDbContext db, Couple couple, string? partnerToTell, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}
