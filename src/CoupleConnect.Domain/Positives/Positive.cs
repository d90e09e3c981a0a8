using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Positives;

/// <summary>
/// Something one partner noticed the other do: a kind, an optional note, the day it happened (in the couple's home
/// zone). Tonight's gratitude is a positive of kind <see cref="PositiveKind.Gratitude"/> with a note. The partner it
/// is about can acknowledge it ("That meant a lot"), and the author sees that they did.
/// </summary>
public sealed class Positive : ICoupleKeyed
{
    /// <summary>How far back a positive may be logged: recent enough to remember well.</summary>
    public const int MaxDaysBack = 30;

    private Positive()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string AboutId { get; private set; } = string.Empty;

    public PositiveKind Kind { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The day it happened, in the couple's home time zone.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>True for tonight's gratitude entries, written from the gratitude page or card.</summary>
    public bool IsEveningGratitude { get; private set; }

    /// <summary>
    /// Set when this positive is a heart sent on the partner's answer to the question of that day: the heart counts as a
    /// small positive, and taking the heart back takes this entry back with it.
    /// </summary>
    public DateOnly? HeartOnQuestionOf { get; private set; }

    public bool IsHeart => HeartOnQuestionOf is not null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Logged in private mode: the partner sees it only from this morning on (docs/adr/0036).</summary>
    public DateTimeOffset? VisibleToPartnerFrom { get; private set; }

    /// <summary>Holds the entry from the partner until <paramref name="from"/> (private mode); null shows it at once.</summary>
    public Positive HeldFromPartnerUntil(DateTimeOffset? from)
    {
        VisibleToPartnerFrom = from;
        return this;
    }

    public static Positive Log(Guid coupleId, string authorId, string aboutId, PositiveKind kind, PositiveNote? note, DateOnly day, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new PositiveRuleException(PositiveRule.UnknownKind);
        }

        if (day > today)
        {
            throw new PositiveRuleException(PositiveRule.DayInTheFuture);
        }

        if (day < today.AddDays(-MaxDaysBack))
        {
            throw new PositiveRuleException(PositiveRule.DayTooLongAgo);
        }

        return new Positive
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            AuthorId = authorId,
            AboutId = aboutId,
            Kind = kind,
            Note = note?.Value,
            Day = day,
            CreatedAt = now,
        };
    }

    /// <summary>"One thing you appreciated about them today": always today, always with words.</summary>
    public static Positive Gratitude(Guid coupleId, string authorId, string aboutId, PositiveNote note, DateOnly today, DateTimeOffset now)
    {
        var entry = Log(coupleId, authorId, aboutId, PositiveKind.Gratitude, note, today, today, now);
        entry.IsEveningGratitude = true;
        return entry;
    }

    /// <summary>A heart on the partner's answer to <paramref name="questionDay"/>: affection, sent today.</summary>
    public static Positive Heart(Guid coupleId, string authorId, string aboutId, DateOnly questionDay, DateOnly today, DateTimeOffset now)
    {
        var entry = Log(coupleId, authorId, aboutId, PositiveKind.Affection, null, today, today, now);
        entry.HeartOnQuestionOf = questionDay;
        return entry;
    }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>
    /// Only its author may delete an entry, and it then goes for both. A heart is taken back where it was given (on the
    /// answer), so the answer's heart and this entry never disagree.
    /// </summary>
    public void EnsureDeletableBy(string userId)
    {
        if (userId != AuthorId)
        {
            throw new PositiveRuleException(PositiveRule.NotYourWords);
        }

        if (IsHeart)
        {
            throw new PositiveRuleException(PositiveRule.HeartIsTakenBackOnTheAnswer);
        }
    }

    /// <summary>The partner it is about says it meant something. Saying so twice changes nothing.</summary>
    public void Acknowledge(string userId, DateTimeOffset now)
    {
        if (userId == AuthorId)
        {
            throw new PositiveRuleException(PositiveRule.OwnEntry);
        }

        if (userId != AboutId)
        {
            throw new PositiveRuleException(PositiveRule.NotAboutYou);
        }

        AcknowledgedAt ??= now;
    }
}
