using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Story;

/// <summary>"How I remember it": the partner's side of a moment the other wrote. One per moment; only its author changes or removes it.</summary>
public sealed class StorySide : ICoupleKeyed
{
    private StorySide()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public Guid MomentId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset WrittenAt { get; private set; }

    /// <inheritdoc cref="StoryMoment.VisibleToPartnerFrom"/>
    public DateTimeOffset? VisibleToPartnerFrom { get; private set; }

    public static StorySide Write(StoryMoment moment, string authorId, SideText text, DateTimeOffset now, DateTimeOffset? visibleToPartnerFrom)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(text);
        moment.EnsureSideAllowed(authorId);
        return new StorySide
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = moment.CoupleId,
            MomentId = moment.Id,
            AuthorId = authorId,
            Text = text.Value,
            WrittenAt = now,
            VisibleToPartnerFrom = visibleToPartnerFrom,
        };
    }

    public void Change(StoryMoment moment, string userId, SideText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(text);
        EnsureAuthor(userId);
        moment.EnsureSideAllowed(userId);
        (Text, WrittenAt) = (text.Value, now);
    }

    public void EnsureAuthor(string userId)
    {
        if (userId != AuthorId)
        {
            throw new StoryRuleException(StoryRule.NotYours);
        }
    }
}
