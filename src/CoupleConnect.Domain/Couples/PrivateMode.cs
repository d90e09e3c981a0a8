using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Couples;

/// <summary>
/// Private mode (per person, docs/adr/0036): what I write reaches my partner only at a daily boundary, the morning after
/// the day I wrote it in the couple's home zone, never live. Everything from one day comes out together, so the partner
/// learns the day, not the moment.
/// </summary>
public static class PrivateMode
{
    /// <summary>The hour, in the couple's home zone, at which the day before becomes visible.</summary>
    public const int MorningHour = 6;

    /// <summary>When something written at <paramref name="writtenAt"/> in private mode reaches the partner.</summary>
    public static DateTimeOffset PartnerSeesFrom(DateTimeOffset writtenAt, TimeZoneId homeZone)
    {
        ArgumentNullException.ThrowIfNull(homeZone);
        var nextDay = homeZone.LocalDate(writtenAt).AddDays(1);
        var morning = nextDay.ToDateTime(new TimeOnly(MorningHour, 0), DateTimeKind.Unspecified);

        // A clock change can skip the hour; the first valid minute after it is the same morning.
        while (homeZone.Zone.IsInvalidTime(morning))
        {
            morning = morning.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(morning, homeZone.Zone), TimeSpan.Zero);
    }

    /// <summary>
    /// When a person's words written now reach their partner: now when private mode is off, otherwise the next morning.
    /// Null means "as soon as it is saved".
    /// </summary>
    public static DateTimeOffset? HoldFor(bool authorIsPrivate, DateTimeOffset now, TimeZoneId homeZone) =>
        authorIsPrivate ? PartnerSeesFrom(now, homeZone) : null;

    /// <summary>Whether an entry held until <paramref name="visibleFrom"/> is visible at <paramref name="now"/>.</summary>
    public static bool IsVisible(DateTimeOffset? visibleFrom, DateTimeOffset now) => visibleFrom is not { } from || from <= now;
}
