using CoupleConnect.Domain.Common;

namespace CoupleConnect.Domain.Reminders;

/// <summary>
/// When a person's reminder is next due, in UTC, for a wall-clock time in their own zone. DST-correct: a local time
/// that doesn't exist on a spring-forward day fires at the next valid minute; a local time that happens twice on a
/// fall-back day fires once, at its first occurrence. Exactly one reminder per local day.
/// </summary>
public static class ReminderClock
{
    /// <summary>A reminder more than this late (e.g. after an outage) is skipped, never sent at the wrong time of day.</summary>
    public static readonly TimeSpan StalenessLimit = TimeSpan.FromHours(3);

    /// <summary>The first due instant strictly after <paramref name="afterUtc"/>; only on <paramref name="onlyOn"/> days when given (weekly kinds).</summary>
    public static DateTimeOffset NextDueAfter(TimeZoneId zone, LocalTimeOfDay at, DateTimeOffset afterUtc, DayOfWeek? onlyOn = null)
    {
        var localDate = zone.LocalDate(afterUtc);

        // Today's occurrence may already have passed; tomorrow's never has. Yesterday is checked for instants just
        // after midnight UTC that are still "yesterday" nowhere: harmless and keeps the loop simple.
        for (var day = localDate.AddDays(-1); ; day = day.AddDays(1))
        {
            if (onlyOn is { } weekday && day.DayOfWeek != weekday)
            {
                continue;
            }

            var due = DueOn(zone, at, day);
            if (due > afterUtc)
            {
                return due;
            }
        }
    }

    /// <summary>The instant the reminder fires on local date <paramref name="day"/>.</summary>
    public static DateTimeOffset DueOn(TimeZoneId zone, LocalTimeOfDay at, DateOnly day)
    {
        var local = day.ToDateTime(at.Value, DateTimeKind.Unspecified);
        var tz = zone.Zone;

        // Spring forward: walk to the first minute that exists (e.g. 02:30 → 03:00 in New York).
        var guard = 0;
        while (tz.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        if (tz.IsAmbiguousTime(local))
        {
            // Fall back: the same wall-clock time happens twice; the earlier instant has the larger offset.
            var offset = tz.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first instant of the local day <paramref name="instant"/> falls on, in <paramref name="zone"/> (DST-safe).</summary>
    public static DateTimeOffset StartOfLocalDay(TimeZoneId zone, DateTimeOffset instant) =>
        DueOn(zone, LocalTimeOfDay.From(TimeOnly.MinValue), zone.LocalDate(instant));

    /// <summary>The local date a due instant belongs to: the idempotency key's day (user, kind, local date).</summary>
    public static DateOnly LocalDateOf(TimeZoneId zone, DateTimeOffset dueUtc) => zone.LocalDate(dueUtc);

    /// <summary>True when the reminder is too late to make sense at its time of day.</summary>
    public static bool IsStale(DateTimeOffset dueUtc, DateTimeOffset nowUtc) => nowUtc - dueUtc > StalenessLimit;
}

/// <summary>A wall-clock time in the person's own zone, to the minute ("08:00"), validated once.</summary>
public sealed record LocalTimeOfDay
{
    private LocalTimeOfDay(TimeOnly value) => Value = value;

    public TimeOnly Value { get; }

    public static LocalTimeOfDay MorningDefault { get; } = new(new TimeOnly(8, 0));

    public static LocalTimeOfDay EveningDefault { get; } = new(new TimeOnly(21, 0));

    public static bool TryParse(string? text, out LocalTimeOfDay? time, out string? problem)
    {
        time = null;
        problem = null;
        if (ClockText.TryReadInput(text, out var parsed))
        {
            time = new LocalTimeOfDay(parsed);
            return true;
        }

        // In the person's own clock, as their time input shows it.
        problem = $"Please enter a time of day like {ClockText.Of(new TimeOnly(8, 0))} or {ClockText.Of(new TimeOnly(21, 30))}.";
        return false;
    }

    public static LocalTimeOfDay From(TimeOnly time) => new(new TimeOnly(time.Hour, time.Minute));

    /// <summary>The form's and the database's "08:00"; pages show <see cref="ClockText.Of(TimeOnly)"/>.</summary>
    public override string ToString() => ClockText.ForInput(Value);
}
