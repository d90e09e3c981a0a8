using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Positives;

/// <summary>
/// "Already thanked tonight", the one definition (docs/adr/0024): tonight's gratitude counts when it was written since
/// the start of the writer's own local day, in their own zone, whatever the couple's home zone. The dashboard, the
/// gratitude card and the evening reminder all ask this, so a partner living hours away from the home zone never
/// sees "not yet tonight" for thanks written that same evening, nor is reminded of it.
/// </summary>
public readonly record struct GratitudeTonight(DateTimeOffset Since, DateTimeOffset Until)
{
    /// <summary>The writer's tonight for the evening at <paramref name="evening"/> (e.g. a reminder's due time), as seen at <paramref name="now"/>.</summary>
    public static GratitudeTonight Of(TimeZoneId writerZone, DateTimeOffset evening, DateTimeOffset now) =>
        new(ReminderClock.StartOfLocalDay(writerZone, evening), now);

    /// <summary>The writer's tonight right now (the dashboard, the gratitude card).</summary>
    public static GratitudeTonight Now(TimeZoneId writerZone, DateTimeOffset now) => Of(writerZone, now, now);

    /// <summary>True when gratitude written at <paramref name="writtenAt"/> is tonight's.</summary>
    public bool Includes(DateTimeOffset writtenAt) => writtenAt >= Since && writtenAt <= Until;
}
