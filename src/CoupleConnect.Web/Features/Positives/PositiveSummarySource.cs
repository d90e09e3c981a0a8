using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>A therapist summary's positives: how many each noticed and thanked, and the ones a person ticks of their own.</summary>
internal sealed class PositiveSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public const string EntryKind = "positive";

    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var counts = await SharedInRange(db, scope)
            .GroupBy(positive => new { positive.AuthorId, positive.IsEveningGratitude })
            .Select(group => new { group.Key.AuthorId, group.Key.IsEveningGratitude, Count = group.Count() })
            .ToListAsync(cancellationToken);
        int Count(string authorId, bool gratitude) => counts.Where(row => row.AuthorId == authorId && row.IsEveningGratitude == gratitude).Sum(row => row.Count);
        return new SummarySection(
            40,
            "Noticing each other",
            [
                new SummaryFact("Positives noticed", scope.PerPartner(id => Count(id, gratitude: false))),
                new SummaryFact("Evenings of thanks", scope.PerPartner(id => Count(id, gratitude: true))),
            ],
            []);
    }

    public async Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var mine = await SharedInRange(db, scope).AsNoTracking()
            .Where(positive => positive.AuthorId == authorId && positive.HeartOnQuestionOf == null)
            .OrderBy(positive => positive.CreatedAt)
            .ToListAsync(cancellationToken);
        return mine.Select(positive => new SummaryEntry(
                EntryKind,
                positive.Id,
                positive.AuthorId,
                positive.Day,
                positive.IsEveningGratitude ? "A note of thanks" : $"Noticed: {PositiveKindNames.Of(positive.Kind).ToLowerInvariant()}",
                positive.Note ?? string.Empty))
            .Where(entry => entry.Text.Length > 0)
            .ToList();
    }

    /// <summary>Only what the partner had been shown (private mode's morning hold included), within the days chosen.</summary>
    private static IQueryable<Domain.Positives.Positive> SharedInRange(AppDbContext db, SessionSummaryScope scope) =>
        SharedWithPartner.Positives(db, scope.Now).Where(positive => positive.Day >= scope.From && positive.Day <= scope.To);
}
