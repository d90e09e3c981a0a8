using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Talks;

/// <summary>A therapist summary's talks: how many were held in the days chosen. Counts only; nothing said in them.</summary>
internal sealed class TalkSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var held = await db.Talks.AsNoTracking()
            .Where(talk => talk.StartedAt != null && talk.StartedAt >= scope.StartsAt && talk.StartedAt < scope.EndsAt)
            .Select(talk => new { talk.ProposedById, talk.Status })
            .ToListAsync(cancellationToken);
        return new SummarySection(
            60,
            "Talks",
            [
                new SummaryFact("Talks held", held.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new SummaryFact("Asked for by", scope.PerPartner(id => held.Count(talk => talk.ProposedById == id))),
            ],
            []);
    }

    /// <summary>What is said in a talk stays between the two: it is not offered for a summary.</summary>
    public Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SummaryEntry>>([]);
}
