using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Dashboard;

/// <summary>What the couple's home page puts first: the one thing that matters now.</summary>
public enum NowFirst
{
    /// <summary>Today's question, not yet answered by this partner.</summary>
    Question,

    /// <summary>Tonight's gratitude: it is this partner's evening and they haven't written one yet.</summary>
    Gratitude,

    /// <summary>A ritual is happening now or starts soon.</summary>
    Ritual,

    /// <summary>Nothing waits on this partner right now.</summary>
    AllDone,
}

/// <summary>The next (or current) time of a ritual, as far as the home page cares.</summary>
public readonly record struct RitualMoment(DateTimeOffset StartsUtc, DateTimeOffset EndsUtc);

/// <summary>Where one partner stands today: the facts <see cref="OneThingNow"/> chooses from.</summary>
/// <param name="WriterZone">The partner's own zone: their evening is theirs, wherever the couple's home zone is (docs/adr/0024).</param>
/// <param name="AnsweredToday">They answered today's question (the couple's home-zone day).</param>
/// <param name="ThankedTonight">They wrote tonight's gratitude (<c>GratitudeTonight</c>).</param>
/// <param name="NextRitual">The couple's ritual time happening now or coming next, if any.</param>
public sealed record TodayForMe(TimeZoneId WriterZone, bool AnsweredToday, bool ThankedTonight, RitualMoment? NextRitual);

/// <summary>
/// The home page's one rule for "the one thing now" (docs/adr/0029), in this order:
/// a ritual that is happening or starts within <see cref="RitualSoon"/> (a time the two of them set, and it won't wait);
/// then, from <see cref="EveningStarts"/> in the partner's own zone, tonight's gratitude if not yet written;
/// then today's question if not yet answered; otherwise nothing is waiting.
/// </summary>
public static class OneThingNow
{
    /// <summary>From this local time the partner's day turns to thanks (the evening reminder's default is later, at 21:00).</summary>
    public static TimeOnly EveningStarts { get; } = new(18, 0);

    /// <summary>A ritual this close comes first: enough to get ready, short enough not to crowd out the day.</summary>
    public static TimeSpan RitualSoon { get; } = TimeSpan.FromHours(2);

    public static NowFirst Choose(TodayForMe today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(today);
        if (today.NextRitual is { } ritual && ritual.EndsUtc > now && ritual.StartsUtc - now <= RitualSoon)
        {
            return NowFirst.Ritual;
        }

        if (!today.ThankedTonight && IsEvening(today.WriterZone, now))
        {
            return NowFirst.Gratitude;
        }

        return today.AnsweredToday ? NowFirst.AllDone : NowFirst.Question;
    }

    /// <summary>True from <see cref="EveningStarts"/> to midnight on the partner's own wall clock (DST-safe: read from the local time itself).</summary>
    public static bool IsEvening(TimeZoneId zone, DateTimeOffset now) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone.Zone).DateTime) >= EveningStarts;
}
