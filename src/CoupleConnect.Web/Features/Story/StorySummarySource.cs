using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Story;

/// <summary>
/// A therapist summary's part of our story: how many moments each added in the days chosen, and the moments a person
/// may tick of their own (those written in the range, or about a day in it), only as the partner was shown them.
/// </summary>
internal sealed class StorySummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public const string EntryKind = "story-moment";

    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var authors = await SharedWithPartner.StoryMoments(db, scope.Now)
            .Where(moment => moment.RemovedAt == null && moment.CreatedAt >= scope.StartsAt && moment.CreatedAt < scope.EndsAt)
            .Select(moment => moment.AuthorId)
            .ToListAsync(cancellationToken);
        return new SummarySection(35, "Our story", [new SummaryFact("Moments added", scope.PerPartner(id => authors.Count(author => author == id)))], []);
    }

    public async Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var mine = await SharedWithPartner.StoryMoments(db, scope.Now).AsNoTracking()
            .Where(moment => moment.AuthorId == authorId && moment.RemovedAt == null
                && ((moment.Day >= scope.From && moment.Day <= scope.To) || (moment.CreatedAt >= scope.StartsAt && moment.CreatedAt < scope.EndsAt)))
            .OrderBy(moment => moment.Day)
            .ToListAsync(cancellationToken);
        return mine
            .Select(moment => new SummaryEntry(
                EntryKind,
                moment.Id,
                authorId,
                moment.Day,
                moment.HardTime ? "From our story: a hard time we got through" : "From our story",
                string.IsNullOrWhiteSpace(moment.Text) ? moment.Title : $"{moment.Title}: {moment.Text}"))
            .ToList();
    }
}
