using CoupleConnect.Domain.Needs;

namespace CoupleConnect.Web.Features.Needs;

/// <summary>One need on a list as a page shows it.</summary>
public sealed record NeedView(Guid Id, string Text, bool Mine, DateTimeOffset WrittenAt, DateTimeOffset? TryingSince, bool Revised)
{
    public bool IsBeingTried => TryingSince is not null;
}

/// <summary>One step of the couple's history: old words of a need, whose they were, and how and when they changed.</summary>
public sealed record NeedHistoryEntry(Guid NeedId, string Text, bool Mine, string AuthorName, NeedChange Change, DateTimeOffset EndedAt);

/// <summary>The needs page: both lists, and the history of both.</summary>
public sealed record NeedsView(
    string MyName,
    string PartnerName,
    string MyZone,
    IReadOnlyList<NeedView> Mine,
    IReadOnlyList<NeedView> Partners,
    IReadOnlyList<NeedHistoryEntry> History)
{
    public bool MyListIsFull => Mine.Count >= Need.MaxOnList;
}

/// <summary>A need being tried, in a monthly reflection: whose it is, and each partner's answer to "how did it go?".</summary>
public sealed record ReflectionNeed(Guid NeedId, string Text, bool MyNeed, string AuthorName, string? MyAnswer, string? PartnerAnswer, bool PartnerAnswered);
