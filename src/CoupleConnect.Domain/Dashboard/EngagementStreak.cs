using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Dashboard;

/// <summary>How the couple's streak stands today. <see cref="Days"/> counts today only once both did something.</summary>
public sealed record StreakStatus(int Days, bool YouToday, bool PartnerToday, DateOnly? LastQuietDay)
{
    public bool BothToday => YouToday && PartnerToday;
}

/// <summary>
/// The couple's engagement streak: consecutive local days (in the couple's home zone) on which both partners did at
/// least one thing — answered, thanked, or logged a positive. Today is still in progress, so a streak that reached
/// yesterday stays alive until today ends.
/// </summary>
public static class EngagementStreak
{
    /// <summary>Looking further back than this adds nothing a dashboard would show, and keeps the query bounded.</summary>
    public const int MaxDaysCounted = 366;

    /// <summary>From the instants each partner did something, converted to local days in the couple's zone.</summary>
    public static StreakStatus Compute(TimeZoneId coupleZone, IEnumerable<DateTimeOffset> yourActivity, IEnumerable<DateTimeOffset> partnersActivity, DateTimeOffset now) =>
        Compute(yourActivity.Select(coupleZone.LocalDate), partnersActivity.Select(coupleZone.LocalDate), coupleZone.LocalDate(now));

    /// <summary>From the local days (couple's zone) on which each partner did something.</summary>
    public static StreakStatus Compute(IEnumerable<DateOnly> yourDays, IEnumerable<DateOnly> partnersDays, DateOnly today)
    {
        var yours = yourDays.ToHashSet();
        var partners = partnersDays.ToHashSet();
        bool Both(DateOnly day) => yours.Contains(day) && partners.Contains(day);

        var day = Both(today) ? today : today.AddDays(-1);
        var days = 0;
        while (days < MaxDaysCounted && Both(day))
        {
            days++;
            day = day.AddDays(-1);
        }

        // The most recent day before today that wasn't shared, if any activity came before it (stated gently, never as blame).
        var anyActivityBefore = yours.Concat(partners).Any(active => active < day);
        DateOnly? lastQuiet = anyActivityBefore ? day : null;
        return new StreakStatus(days, yours.Contains(today), partners.Contains(today), lastQuiet);
    }
}
