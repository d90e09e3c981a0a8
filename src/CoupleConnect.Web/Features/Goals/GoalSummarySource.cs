using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Goals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Goals;

/// <summary>
/// Goals in a therapist summary (docs/adr/0039, 0042): each goal that was active at some point in the range, its status
/// and how many check-ins the partners shared in the range; and, to tick, a person's own shared check-ins.
/// </summary>
internal sealed class GoalSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public const string EntryKind = "goal-note";

    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var zone = TimeZoneId.ParseOrUtc(scope.HomeTimeZoneId);
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var goals = await SharedWithPartner.Goals(db).AsNoTracking().OrderBy(goal => goal.CreatedAt).ToListAsync(cancellationToken);
        var notes = await SharedWithPartner.GoalNotes(db, scope.Now).AsNoTracking().Select(note => new { note.GoalId, note.CreatedAt }).ToListAsync(cancellationToken);
        var inRange = goals
            .Where(goal => zone.LocalDate(goal.CreatedAt) <= scope.To && (goal.EndedAt is not { } ended || zone.LocalDate(ended) >= scope.From))
            .ToList();
        if (inRange.Count == 0)
        {
            return null;
        }

        var facts = inRange.Select(goal =>
        {
            var checkIns = notes.Count(note => note.GoalId == goal.Id && zone.LocalDate(note.CreatedAt) is var day && day >= scope.From && day <= scope.To);
            var status = goal.EndedAt is { } ended && zone.LocalDate(ended) <= scope.To
                ? $"{GoalWords.Status(goal.Status)} on {zone.LocalDate(ended).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
                : GoalWords.Status(GoalStatus.Active);
            return new SummaryFact(goal.Name, $"{status} · {checkIns} check-in{(checkIns == 1 ? string.Empty : "s")}");
        }).ToList();
        return new SummarySection(40, "Goals", facts, []);
    }

    public async Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var zone = TimeZoneId.ParseOrUtc(scope.HomeTimeZoneId);
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        // Whole rows, never a projection of an encrypted column (docs/adr/0017: text decrypts only with its row).
        var notes = await SharedWithPartner.GoalNotes(db, scope.Now).AsNoTracking()
            .Where(note => note.AuthorId == authorId)
            .OrderBy(note => note.CreatedAt)
            .ToListAsync(cancellationToken);
        var goalIds = notes.Select(note => note.GoalId).Distinct().ToList();
        var names = await db.Goals.AsNoTracking().Where(goal => goalIds.Contains(goal.Id)).ToDictionaryAsync(goal => goal.Id, goal => goal.Name, cancellationToken);
        return [.. notes
            .Select(note => (Note: note, Day: zone.LocalDate(note.CreatedAt)))
            .Where(pair => pair.Day >= scope.From && pair.Day <= scope.To)
            .Select(pair => new SummaryEntry(EntryKind, pair.Note.Id, authorId, pair.Day, $"A check-in on \"{names.GetValueOrDefault(pair.Note.GoalId, "a goal")}\"", pair.Note.Text))];
    }
}
