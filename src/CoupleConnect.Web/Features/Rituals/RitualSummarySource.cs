using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>A therapist summary's rituals: how often each was kept in the days chosen. Counts only, no notes.</summary>
internal sealed class RitualSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var outcomes = await db.RitualOutcomes.AsNoTracking()
            .Where(outcome => outcome.Day >= scope.From && outcome.Day <= scope.To)
            .GroupBy(outcome => new { outcome.RitualId, outcome.Status })
            .Select(group => new { group.Key.RitualId, group.Key.Status, Count = group.Count() })
            .ToListAsync(cancellationToken);
        if (outcomes.Count == 0)
        {
            return new SummarySection(20, "Rituals kept", [new SummaryFact("Rituals", "None marked in these days")], []);
        }

        var ritualIds = outcomes.Select(outcome => outcome.RitualId).Distinct().ToList();
        var rituals = await db.Rituals.AsNoTracking().Where(ritual => ritualIds.Contains(ritual.Id)).ToListAsync(cancellationToken);
        var facts = rituals
            .OrderBy(ritual => ritual.Name, StringComparer.CurrentCulture)
            .Select(ritual =>
            {
                var kept = outcomes.Where(outcome => outcome.RitualId == ritual.Id && outcome.Status == RitualOutcomeStatus.Done).Sum(outcome => outcome.Count);
                var skipped = outcomes.Where(outcome => outcome.RitualId == ritual.Id && outcome.Status == RitualOutcomeStatus.Skipped).Sum(outcome => outcome.Count);
                return new SummaryFact(ritual.Name, $"kept {Times(kept)}, skipped {Times(skipped)}");
            })
            .ToList();
        return new SummarySection(20, "Rituals kept", facts, []);
    }

    /// <summary>Rituals have no entries of one person to tick: they are the couple's.</summary>
    public Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SummaryEntry>>([]);

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";
}
