using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Temperature;

/// <summary>
/// The weekly temperature's part of a therapist summary (docs/adr/0039): both partners' revealed scores per week in the
/// range, and each person's own revealed small gains to tick. Weeks not revealed (one answered, or private mode still
/// holding an answer) are absent for both, exactly as on the couple's own pages.
/// </summary>
internal sealed class TemperatureSummarySource(IDbContextFactory<AppDbContext> dbFactory) : ISessionSummarySource
{
    public const string GainKind = "temperature-gain";

    public async Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var answers = await RevealedInRangeAsync(scope, cancellationToken);
        if (answers.Count == 0)
        {
            return null;
        }

        var weeks = WeeksOf(scope);
        var trends = scope.PartnerNames
            .Select(partner => new SummaryTrend(
                partner.Value,
                weeks.Select(week => new SummaryPoint(week, answers.FirstOrDefault(answer => answer.AuthorId == partner.Key && answer.WeekOf == week)?.Connected)).ToList()))
            .ToList();
        var bothAnswered = answers.Select(answer => answer.WeekOf).Distinct().Count();
        IReadOnlyList<SummaryFact> facts =
        [
            new("Weeks both answered", $"{bothAnswered} of {weeks.Count}"),
            new("How connected each felt (1 to 10, average)", string.Join(" · ", scope.PartnerNames.Select(partner => $"{partner.Value} {AverageOf(answers, partner.Key)}"))),
        ];
        return new SummarySection(20, "Emotional temperature", facts, trends);
    }

    public async Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var answers = await RevealedInRangeAsync(scope, cancellationToken);
        return answers.Where(answer => answer.AuthorId == authorId)
            .OrderBy(answer => answer.WeekOf)
            .Select(answer => new SummaryEntry(GainKind, answer.Id, answer.AuthorId, answer.WeekOf, "A small gain", answer.Gain))
            .ToList();
    }

    private async Task<List<TemperatureAnswer>> RevealedInRangeAsync(SessionSummaryScope scope, CancellationToken cancellationToken)
    {
        var first = TemperatureWeeks.StartOf(scope.From);
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        return await SharedWithPartner.TemperatureAnswers(db, scope.Now).AsNoTracking()
            .Where(answer => answer.WeekOf >= first && answer.WeekOf <= scope.To)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every week that overlaps the range, Monday first.</summary>
    private static List<DateOnly> WeeksOf(SessionSummaryScope scope)
    {
        var weeks = new List<DateOnly>();
        for (var week = TemperatureWeeks.StartOf(scope.From); week <= scope.To; week = week.AddDays(7))
        {
            weeks.Add(week);
        }

        return weeks;
    }

    private static string AverageOf(IEnumerable<TemperatureAnswer> answers, string userId)
    {
        var theirs = answers.Where(answer => answer.AuthorId == userId).Select(answer => answer.Connected).ToList();
        return theirs.Count == 0 ? "-" : theirs.Average().ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
