using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.SessionSummaries;

/// <summary>
/// One entry its author ticked to include in a summary, by kind and id only: the words stay where they were written,
/// so deleting them there (or withdrawing the summary) leaves nothing behind here.
/// </summary>
public sealed class SummaryTick : ICoupleOwned
{
    private SummaryTick()
    {
    }

    internal SummaryTick(Guid summaryId, string authorId, string kind, Guid entryId)
    {
        SummaryId = summaryId;
        AuthorId = authorId;
        Kind = kind;
        EntryId = entryId;
    }

    public Guid SummaryId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    /// <summary>The feature's stable key for the kind of entry ("positive", "story-moment", ...).</summary>
    public string Kind { get; private set; } = string.Empty;

    public Guid EntryId { get; private set; }
}

/// <summary>An entry someone wants ticked: which kind, which one.</summary>
public readonly record struct EntryKey(string Kind, Guid Id);
