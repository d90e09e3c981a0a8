using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.TimeOuts;

/// <summary>
/// What one partner wrote for themselves during a time-out: only its writer ever sees it (not the partner, not an
/// archive, not an email). Encrypted at rest, deletable, one per writer per time-out.
/// </summary>
public sealed class TimeOutNote : ICoupleKeyed
{
    public const int MaxLength = 4000;

    private TimeOutNote()
    {
    }

    public Guid TimeOutId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public Guid CoupleId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TimeOutNote Write(Guid timeOutId, Guid coupleId, string authorId, string text, DateTimeOffset now) => new()
    {
        TimeOutId = timeOutId,
        CoupleId = coupleId,
        AuthorId = authorId,
        Text = text,
        UpdatedAt = now,
    };

    public void Rewrite(string text, DateTimeOffset now)
    {
        Text = text;
        UpdatedAt = now;
    }
}
