using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.TimeOuts;

/// <summary>A return time the caller typed, read on their own clock (DST-safe: a time skipped by spring-forward moves to the next minute that exists).</summary>
public static class TimeOutCustomTime
{
    public static DateTimeOffset ReturnAt(DateOnly localDay, TimeOnly localTime, TimeZoneId zone) =>
        ReminderClock.DueOn(zone, LocalTimeOfDay.From(localTime), localDay);
}
