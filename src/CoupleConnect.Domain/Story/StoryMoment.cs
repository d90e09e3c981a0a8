using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Story;

/// <summary>
/// One moment of the couple's story, written by one partner and shown to both (from the next morning when written in
/// private mode). Only its author changes it or takes its words back. When the partner added their side, taking the
/// words back leaves the moment as an empty place for that side, which stays the partner's own to keep or remove.
/// </summary>
public sealed class StoryMoment : ICoupleKeyed
{
    private StoryMoment()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The day it happened, or the author's best guess: the page reads oldest first by it.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>"Summer 2019": shown instead of the day when the author knows it only roughly.</summary>
    public string? RoughTime { get; private set; }

    public string? Text { get; private set; }

    public bool HardTime { get; private set; }

    /// <summary>The monthly reflection day this moment was added from ("add this month to our story"), or null.</summary>
    public DateOnly? FromReflection { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Written in private mode: the partner sees it from this instant (docs/adr/0036); null means at once.</summary>
    public DateTimeOffset? VisibleToPartnerFrom { get; private set; }

    /// <summary>Set when the author took their words back while the partner's side stayed.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public static StoryMoment Write(Guid coupleId, string authorId, MomentWords words, DateTimeOffset now, DateTimeOffset? visibleToPartnerFrom, DateOnly? fromReflection = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var moment = new StoryMoment
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            AuthorId = authorId,
            CreatedAt = now,
            VisibleToPartnerFrom = visibleToPartnerFrom,
            FromReflection = fromReflection,
        };
        moment.Apply(words, now);
        return moment;
    }

    /// <summary>The author rewrites it (no history is kept: it is their story to tell).</summary>
    public void Change(string userId, MomentWords words, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(words);
        EnsureAuthor(userId);
        EnsureNotRemoved();
        Apply(words, now);
    }

    /// <summary>
    /// The author takes their words back. Returns true when the whole moment can go; false when the partner's side
    /// stays, and the moment is kept empty (no title, no lines) to hold it.
    /// </summary>
    public bool TakeBack(string userId, bool partnerWroteASide, DateTimeOffset now)
    {
        EnsureAuthor(userId);
        if (!partnerWroteASide)
        {
            return true;
        }

        Empty(now);
        return false;
    }

    /// <summary>Leaves the moment without its author's words (also when an ended couple's former partner removes theirs).</summary>
    public void Empty(DateTimeOffset now)
    {
        (Title, RoughTime, Text, HardTime, FromReflection) = (string.Empty, null, null, false, null);
        RemovedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>The partner (never the author) may add their side, while the moment still has its words.</summary>
    public void EnsureSideAllowed(string userId)
    {
        if (userId == AuthorId)
        {
            throw new StoryRuleException(StoryRule.OwnMoment);
        }

        EnsureNotRemoved();
    }

    public void EnsureAuthor(string userId)
    {
        if (userId != AuthorId)
        {
            throw new StoryRuleException(StoryRule.NotYours);
        }
    }

    private void EnsureNotRemoved()
    {
        if (IsRemoved)
        {
            throw new StoryRuleException(StoryRule.Removed);
        }
    }

    private void Apply(MomentWords words, DateTimeOffset now)
    {
        (Title, Day, RoughTime, Text, HardTime) = (words.Title, words.Day, words.RoughTime, words.Text, words.HardTime);
        UpdatedAt = now;
    }
}
