using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Rituals;

public enum RitualRepeat
{
    Once,
    Daily,
    Weekly,
    MonthlyOnDay,
    MonthlyOnNthWeekday,
}

/// <summary>One occurrence of a ritual: its local day and its start and end instants.</summary>
public sealed record RitualOccurrence(DateOnly Day, DateTimeOffset StartsUtc, DateTimeOffset EndsUtc);

/// <summary>
/// When a ritual happens, in the couple's home zone: how it repeats, from which day, at what local time and for how
/// long. Validated once (<see cref="TryCreate"/>); occurrences follow the reminder clock's DST rules (a start time skipped
/// by spring-forward moves to the next valid minute; a repeated one happens once, at its first occurrence).
/// </summary>
public sealed record RitualSchedule
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>Every month has a 28th; a ritual "on the 31st" would silently skip months.</summary>
    public const int LatestDayOfMonth = 28;

    private RitualSchedule()
    {
    }

    public RitualRepeat Repeat { get; private init; }

    public DateOnly StartDate { get; private init; }

    public LocalTimeOfDay StartTime { get; private init; } = LocalTimeOfDay.EveningDefault;

    public TimeSpan Duration { get; private init; }

    /// <summary>For <see cref="RitualRepeat.Weekly"/>: the weekdays it happens on.</summary>
    public IReadOnlySet<DayOfWeek> Weekdays { get; private init; } = new HashSet<DayOfWeek>();

    /// <summary>For <see cref="RitualRepeat.MonthlyOnDay"/>: 1 to 28.</summary>
    public int DayOfMonth { get; private init; }

    /// <summary>For <see cref="RitualRepeat.MonthlyOnNthWeekday"/>: 1 to 4, or -1 for the last one of the month.</summary>
    public int Nth { get; private init; }

    public DayOfWeek NthWeekday { get; private init; }

    public static bool TryCreate(
        RitualRepeat repeat,
        DateOnly startDate,
        LocalTimeOfDay startTime,
        TimeSpan duration,
        IEnumerable<DayOfWeek>? weekdays,
        int dayOfMonth,
        int nth,
        DayOfWeek nthWeekday,
        TimeZoneId zone,
        DateTimeOffset now,
        out RitualSchedule? schedule,
        out string? problem)
    {
        schedule = null;
        var days = weekdays?.ToHashSet() ?? [];
        problem = repeat switch
        {
            _ when !Enum.IsDefined(repeat) => "Please choose how often the ritual happens.",
            _ when duration <= TimeSpan.Zero || duration > MaxDuration => "A ritual lasts between 1 minute and 24 hours.",
            RitualRepeat.Weekly when days.Count == 0 => "Choose at least one day of the week.",
            RitualRepeat.MonthlyOnDay when dayOfMonth is < 1 or > LatestDayOfMonth =>
                $"Not every month has that day. Pick a day from 1 to {LatestDayOfMonth}, or a weekday such as \"the last Sunday\".",
            RitualRepeat.MonthlyOnNthWeekday when nth is not (>= 1 and <= 4 or -1) || !Enum.IsDefined(nthWeekday) =>
                "Pick the first, second, third, fourth or last weekday of the month.",
            RitualRepeat.Once when ReminderClock.DueOn(zone, startTime, startDate) <= now => "That time has already passed. Pick a time still to come.",
            _ => null,
        };

        if (problem is null)
        {
            schedule = new RitualSchedule
            {
                Repeat = repeat,
                StartDate = startDate,
                StartTime = startTime,
                Duration = duration,
                Weekdays = days,
                DayOfMonth = dayOfMonth,
                Nth = nth,
                NthWeekday = nthWeekday,
            };
        }

        return problem is null;
    }

    /// <summary>A schedule read back from storage: validated when it was saved, so "once, in the past" is fine now.</summary>
    public static RitualSchedule Restore(RitualRepeat repeat, DateOnly startDate, LocalTimeOfDay startTime, TimeSpan duration, IEnumerable<DayOfWeek> weekdays, int dayOfMonth, int nth, DayOfWeek nthWeekday) => new()
    {
        Repeat = repeat,
        StartDate = startDate,
        StartTime = startTime,
        Duration = duration,
        Weekdays = weekdays.ToHashSet(),
        DayOfMonth = dayOfMonth,
        Nth = nth,
        NthWeekday = nthWeekday,
    };

    /// <summary>The occurrences that started at or before <paramref name="nowUtc"/>, newest first, from the start date on.</summary>
    public IEnumerable<RitualOccurrence> StartedBefore(TimeZoneId zone, DateTimeOffset nowUtc)
    {
        for (var day = zone.LocalDate(nowUtc).AddDays(1); day >= StartDate; day = day.AddDays(-1))
        {
            if (HappensOn(day) && ReminderClock.DueOn(zone, StartTime, day) is var starts && starts <= nowUtc)
            {
                yield return new RitualOccurrence(day, starts, starts + Duration);
            }
        }
    }

    /// <summary>The occurrence on local day <paramref name="day"/>, or null when the ritual does not happen that day.</summary>
    public RitualOccurrence? On(TimeZoneId zone, DateOnly day) =>
        HappensOn(day) && ReminderClock.DueOn(zone, StartTime, day) is var starts ? new RitualOccurrence(day, starts, starts + Duration) : null;

    /// <summary>Does the ritual happen on local day <paramref name="day"/>?</summary>
    public bool HappensOn(DateOnly day) => day >= StartDate && Repeat switch
    {
        RitualRepeat.Once => day == StartDate,
        RitualRepeat.Daily => true,
        RitualRepeat.Weekly => Weekdays.Contains(day.DayOfWeek),
        RitualRepeat.MonthlyOnDay => day.Day == DayOfMonth,
        RitualRepeat.MonthlyOnNthWeekday => day.DayOfWeek == NthWeekday && IsNth(day),
        _ => false,
    };

    /// <summary>The occurrences starting in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in order.</summary>
    public IEnumerable<RitualOccurrence> OccurrencesBetween(TimeZoneId zone, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        // A day either side: local days and UTC days overlap by up to 14 hours.
        for (var day = zone.LocalDate(fromUtc).AddDays(-1); day <= zone.LocalDate(toUtc).AddDays(1); day = day.AddDays(1))
        {
            if (!HappensOn(day))
            {
                continue;
            }

            var starts = ReminderClock.DueOn(zone, StartTime, day);
            if (starts >= fromUtc && starts < toUtc)
            {
                yield return new RitualOccurrence(day, starts, starts + Duration);
            }
        }
    }

    /// <summary>The first occurrence starting strictly after <paramref name="afterUtc"/>, within two years; null when there is none.</summary>
    public RitualOccurrence? NextAfter(TimeZoneId zone, DateTimeOffset afterUtc) =>
        OccurrencesBetween(zone, afterUtc.AddTicks(1), afterUtc.AddYears(2)).FirstOrDefault();

    private bool IsNth(DateOnly day) => Nth == -1
        ? day.AddDays(7).Month != day.Month
        : (day.Day - 1) / 7 + 1 == Nth;
}
