using CoupleConnect.Domain.SessionSummaries;

namespace CoupleConnect.Web.Features.SessionSummaries;

/// <summary>The couple's current summary as the signed-in person sees it; only their own ticks, never the partner's.</summary>
public sealed record SummaryState(
    SessionSummaryStatus Status,
    DateOnly From,
    DateOnly To,
    bool ProposedByMe,
    DateTimeOffset? AvailableUntil,
    IReadOnlyList<EntryKey> MyTicks);

/// <summary>The summary page: the partner's name, the couple's today, the live summary if any, and what was last ended.</summary>
public sealed record SummaryOverview(string PartnerName, DateOnly Today, SummaryState? Current, SessionSummaryStatus? LastEnded, bool LastEndedByMe);

/// <summary>The printable summary, built only while both have agreed.</summary>
public sealed record PrintableSummary(
    string CoupleName,
    DateOnly From,
    DateOnly To,
    DateTimeOffset AvailableUntil,
    IReadOnlyList<SummarySection> Sections,
    IReadOnlyList<PrintedEntries> Entries);

/// <summary>One partner's ticked entries, as they read now.</summary>
public sealed record PrintedEntries(string AuthorName, IReadOnlyList<SummaryEntry> Entries);
