using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Web.Features.SessionSummaries;

/// <summary>
/// What a session summary for a couples therapist covers: one couple, the days both agreed on (in the couple's home
/// zone), and the entries each partner ticked. Sources read with a context opened for <see cref="CoupleId"/> only.
/// </summary>
public sealed record SessionSummaryScope(
    Guid CoupleId,
    DateOnly From,
    DateOnly To,
    string HomeTimeZoneId,
    IReadOnlyDictionary<string, string> PartnerNames,
    DateTimeOffset Now)
{
    /// <summary>The moment the first day begins in the couple's home zone.</summary>
    public DateTimeOffset StartsAt => ReminderClock.DueOn(TimeZoneId.Parse(HomeTimeZoneId), LocalTimeOfDay.From(TimeOnly.MinValue), From);

    /// <summary>The moment the day after the last one begins (exclusive end).</summary>
    public DateTimeOffset EndsAt => ReminderClock.DueOn(TimeZoneId.Parse(HomeTimeZoneId), LocalTimeOfDay.From(TimeOnly.MinValue), To.AddDays(1));

    /// <summary>"Alex 12 · Sam 9": one figure per partner, by name, so both partners' sheets read the same.</summary>
    public string PerPartner(Func<string, int> count) =>
        string.Join(" · ", PartnerNames.OrderBy(partner => partner.Value, StringComparer.CurrentCulture).ThenBy(partner => partner.Key, StringComparer.Ordinal).Select(partner => $"{partner.Value} {count(partner.Key)}"));
}

/// <summary>A fact line in a summary section, e.g. ("Positives noticed", "Alex 12 · Sam 9").</summary>
public sealed record SummaryFact(string Label, string Value);

/// <summary>One week's point on a trend; null when that partner gave no value that week.</summary>
public sealed record SummaryPoint(DateOnly WeekOf, int? Value);

/// <summary>One partner's values over the summary's weeks (the emotional temperature).</summary>
public sealed record SummaryTrend(string Name, IReadOnlyList<SummaryPoint> Points);

/// <summary>A section of the printable summary. Lower <see cref="Order"/> prints first.</summary>
public sealed record SummarySection(int Order, string Title, IReadOnlyList<SummaryFact> Facts, IReadOnlyList<SummaryTrend> Trends);

/// <summary>
/// One of a person's own entries they may tick to include, e.g. a revealed weekly "small gain" or a story moment.
/// <see cref="Kind"/> is a stable key ("positive", "story-moment", "temperature-gain", ...); <see cref="Label"/> is
/// what the kind is called on the page ("A small gain").
/// </summary>
public sealed record SummaryEntry(string Kind, Guid Id, string AuthorId, DateOnly Day, string Label, string Text);

/// <summary>
/// A feature's part of the therapist summary (docs/adr/0039). Each feature that holds something a summary can show
/// implements this in its own folder, so the summary feature depends on none of them. Both methods must return only
/// what both partners had been shown (never anything unrevealed or held) and only the couple in the scope.
/// </summary>
public interface ISessionSummarySource
{
    /// <summary>The counts and trends this feature adds for the range, or null when it has nothing to say.</summary>
    Task<SummarySection?> SectionAsync(SessionSummaryScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The author's own entries in the range that they may tick to include: already shown to the partner, still there.
    /// Also used when the summary is opened, with the ticked ids, so an entry deleted (or no longer shared) since it
    /// was ticked drops out.
    /// </summary>
    Task<IReadOnlyList<SummaryEntry>> EntriesAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken);
}
