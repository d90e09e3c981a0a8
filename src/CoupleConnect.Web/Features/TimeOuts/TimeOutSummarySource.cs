using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.TimeOuts;

/// <summary>A therapist summary's time-outs: how many were called, and by whom. Counts only; notes stay private.</summary>
internal sealed class TimeOutSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var callers = await db.TimeOuts.AsNoTracking()
            .Where(timeOut => timeOut.CalledAt >= scope.StartsAt && timeOut.CalledAt < scope.EndsAt)
            .Select(timeOut => timeOut.CalledById)
            .ToListAsync(cancellationToken);
        return new SummarySection(
            70,
            "Time-outs",
            [
                new SummaryFact("Time-outs taken", callers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new SummaryFact("Called by", scope.PerPartner(id => callers.Count(caller => caller == id))),
            ],
            []);
    }

    /// <summary>A time-out's notes are for the one who wrote them: not offered for a summary.</summary>
    public Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SummaryEntry>>([]);
}
