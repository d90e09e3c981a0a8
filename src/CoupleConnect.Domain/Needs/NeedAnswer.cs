using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Needs;

/// <summary>
/// One partner's short answer, in one monthly reflection session (ritual, day), to "how did trying this go?" for one
/// need being tried. Each partner has their own; the other sees it once both answered (as with the reflection itself).
/// </summary>
public sealed class NeedAnswer : ICoupleKeyed
{
    private NeedAnswer()
    {
    }

    public Guid Id { get; private set; }

    public Guid NeedId { get; private set; }

    public Guid CoupleId { get; private set; }

    /// <summary>The monthly reflection ritual and the session's day.</summary>
    public Guid RitualId { get; private set; }

    public DateOnly Day { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static NeedAnswer Write(Need need, Guid ritualId, DateOnly day, string authorId, NeedAnswerText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(text);
        return new NeedAnswer
        {
            Id = Guid.CreateVersion7(now),
            NeedId = need.Id,
            CoupleId = need.CoupleId,
            RitualId = ritualId,
            Day = day,
            AuthorId = authorId,
            Text = text.Value,
            UpdatedAt = now,
        };
    }

    public void Rewrite(NeedAnswerText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Value;
        UpdatedAt = now;
    }
}
