using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Needs;

/// <summary>
/// Something that helps one partner feel close and safe, in their own words ("I feel more connected when we share our
/// highs and lows at dinner"). Only its author changes or removes it; changes keep the old words as a
/// <see cref="NeedVersion"/>, and removing takes it off the list without losing it, so the couple can see how they
/// renegotiated. The partner can say "I'll try this" (and stop). Deleting for good is the author's separate choice.
/// </summary>
public sealed class Need : ICoupleKeyed
{
    /// <summary>A short list: a few needs are easier to act on than many.</summary>
    public const int MaxOnList = 8;

    private Need()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the current words were written (the first time, or the last change).</summary>
    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>Set when the author took it off the list; it stays in the history.</summary>
    public DateTimeOffset? TakenOffAt { get; private set; }

    /// <summary>Since when the partner has been trying it, or null.</summary>
    public DateTimeOffset? TryingSince { get; private set; }

    public bool IsOnList => TakenOffAt is null;

    public bool IsBeingTried => TryingSince is not null;

    /// <summary>A new need on <paramref name="authorId"/>'s list, which holds <paramref name="onListAlready"/> now.</summary>
    public static Need Write(Guid coupleId, string authorId, NeedText text, int onListAlready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (onListAlready >= MaxOnList)
        {
            throw new NeedRuleException(NeedRule.ListFull);
        }

        return new Need
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            AuthorId = authorId,
            Text = text.Value,
            CreatedAt = now,
            WrittenAt = now,
        };
    }

    /// <summary>
    /// The author rewrites it. The old words are returned as a version for the history; the same words again change
    /// nothing (null). Being tried carries on: the partner sees the new words.
    /// </summary>
    public NeedVersion? Revise(string userId, NeedText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        EnsureAuthor(userId);
        EnsureOnList();
        if (text.Value == Text)
        {
            return null;
        }

        var old = NeedVersion.Of(this, NeedChange.Revised, now);
        Text = text.Value;
        WrittenAt = now;
        return old;
    }

    /// <summary>The author takes it off the list: it stays in the history with its words; trying it ends.</summary>
    public NeedVersion? TakeOff(string userId, DateTimeOffset now)
    {
        EnsureAuthor(userId);
        if (!IsOnList)
        {
            return null;
        }

        TakenOffAt = now;
        TryingSince = null;
        return NeedVersion.Of(this, NeedChange.TakenOff, now);
    }

    /// <summary>The partner says "I'll try this". Saying so twice changes nothing.</summary>
    public void StartTrying(string userId, DateTimeOffset now)
    {
        EnsurePartner(userId);
        EnsureOnList();
        TryingSince ??= now;
    }

    /// <summary>The partner stops trying it (no reason asked).</summary>
    public void StopTrying(string userId)
    {
        EnsurePartner(userId);
        TryingSince = null;
    }

    /// <summary>Only the author may delete it for good (with its history): privacy beats history (ADR 0034).</summary>
    public void EnsureAuthor(string userId)
    {
        if (userId != AuthorId)
        {
            throw new NeedRuleException(NeedRule.NotYours);
        }
    }

    private void EnsurePartner(string userId)
    {
        if (userId == AuthorId)
        {
            throw new NeedRuleException(NeedRule.OwnNeed);
        }
    }

    private void EnsureOnList()
    {
        if (!IsOnList)
        {
            throw new NeedRuleException(NeedRule.TakenOff);
        }
    }
}
