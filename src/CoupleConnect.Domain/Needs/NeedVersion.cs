using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Needs;

/// <summary>How a need's words stopped being current.</summary>
public enum NeedChange
{
    /// <summary>The author rewrote it; these were the words before.</summary>
    Revised,

    /// <summary>The author took it off the list; these were its last words.</summary>
    TakenOff,
}

/// <summary>
/// One step in a need's history ("we renegotiated in March"): the words as they were, when they were written, and when
/// and how they stopped being current. Encrypted like the need. Deleted only with the need itself, by its author.
/// </summary>
public sealed class NeedVersion : ICoupleKeyed
{
    private NeedVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid NeedId { get; private set; }

    public Guid CoupleId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset WrittenAt { get; private set; }

    public DateTimeOffset EndedAt { get; private set; }

    public NeedChange Change { get; private set; }

    internal static NeedVersion Of(Need need, NeedChange change, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        NeedId = need.Id,
        CoupleId = need.CoupleId,
        AuthorId = need.AuthorId,
        Text = need.Text,
        WrittenAt = need.WrittenAt,
        EndedAt = now,
        Change = change,
    };
}
