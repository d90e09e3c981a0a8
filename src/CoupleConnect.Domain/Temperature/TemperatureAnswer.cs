using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Temperature;

/// <summary>
/// One partner's private answer for one week (Monday to Sunday in the couple's home zone): how connected they felt
/// (1 to 10), one small gain to celebrate and one wish for next week. The partner sees it only once both answered that
/// week (<see cref="TemperatureReveal"/>); until then its author may change or withdraw it.
/// </summary>
public sealed class TemperatureAnswer : ICoupleKeyed
{
    private TemperatureAnswer()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    /// <summary>The Monday the week starts on, in the couple's home zone.</summary>
    public DateOnly WeekOf { get; private set; }

    public int Connected { get; private set; }

    public string Gain { get; private set; } = string.Empty;

    public string Wish { get; private set; } = string.Empty;

    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>Private mode's hold (docs/adr/0036): the partner sees this answer from then on; null for at once.</summary>
    public DateTimeOffset? VisibleToPartnerFrom { get; private set; }

    public static TemperatureAnswer Write(Guid coupleId, string authorId, DateOnly weekOf, TemperatureWords words, DateTimeOffset now, DateTimeOffset? visibleToPartnerFrom)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new TemperatureAnswer
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            AuthorId = authorId,
            WeekOf = TemperatureWeeks.StartOf(weekOf),
            Connected = words.Connected.Value,
            Gain = words.Gain.Value,
            Wish = words.Wish.Value,
            AnsweredAt = now,
            VisibleToPartnerFrom = visibleToPartnerFrom,
        };
    }

    /// <summary>The author changes their answer; refused once the partner has seen it (the week was revealed).</summary>
    public void Rewrite(string authorId, TemperatureWords words, bool revealed, DateTimeOffset now, DateTimeOffset? visibleToPartnerFrom)
    {
        ArgumentNullException.ThrowIfNull(words);
        EnsureChangeable(authorId, revealed);
        Connected = words.Connected.Value;
        Gain = words.Gain.Value;
        Wish = words.Wish.Value;
        AnsweredAt = now;
        VisibleToPartnerFrom = visibleToPartnerFrom;
    }

    /// <summary>Only the author, and only before the reveal: my words are mine until I have shared them.</summary>
    public void EnsureChangeable(string authorId, bool revealed)
    {
        if (authorId != AuthorId)
        {
            throw new TemperatureRuleException(TemperatureRule.NotYours);
        }

        if (revealed)
        {
            throw new TemperatureRuleException(TemperatureRule.AlreadyRevealed);
        }
    }
}
