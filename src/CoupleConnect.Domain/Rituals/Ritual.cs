using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Rituals;

/// <summary>
/// Something a couple does together on a schedule (date night, a monthly reflection), in the couple's home zone.
/// Deleting one only hides it: its past occurrences, notes and reflections stay in the couple's history.
/// </summary>
public sealed class Ritual : ICoupleKeyed
{
    private Ritual()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    /// <summary>The template it started from (e.g. "monthly-reflection", which opens the guided page), or null.</summary>
    public string? TemplateKey { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public RitualRepeat Repeat { get; private set; }

    public DateOnly StartDate { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public int DurationMinutes { get; private set; }

    /// <summary>Weekly rituals' days, one bit per <see cref="DayOfWeek"/> (Sunday = bit 0).</summary>
    public int WeekdayBits { get; private set; }

    public int DayOfMonth { get; private set; }

    public int Nth { get; private set; }

    public DayOfWeek NthWeekday { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsMonthlyReflection => TemplateKey == RitualTemplates.MonthlyReflection.Key;

    public RitualSchedule Schedule => RitualSchedule.Restore(
        Repeat,
        StartDate,
        LocalTimeOfDay.From(StartTime),
        TimeSpan.FromMinutes(DurationMinutes),
        Enum.GetValues<DayOfWeek>().Where(day => (WeekdayBits & (1 << (int)day)) != 0),
        DayOfMonth,
        Nth,
        NthWeekday);

    public static Ritual Create(Guid coupleId, string createdById, RitualName name, string? description, RitualSchedule schedule, string? templateKey, DateTimeOffset now)
    {
        var ritual = new Ritual
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            CreatedById = createdById,
            TemplateKey = RitualTemplates.All.Any(template => template.Key == templateKey) ? templateKey : null,
            CreatedAt = now,
        };
        ritual.Change(name, description, schedule, now);
        return ritual;
    }

    public void Change(RitualName name, string? description, RitualSchedule schedule, DateTimeOffset now)
    {
        Name = name.Value;
        Description = description;
        Repeat = schedule.Repeat;
        StartDate = schedule.StartDate;
        StartTime = schedule.StartTime.Value;
        DurationMinutes = (int)schedule.Duration.TotalMinutes;
        WeekdayBits = schedule.Weekdays.Aggregate(0, (bits, day) => bits | (1 << (int)day));
        DayOfMonth = schedule.DayOfMonth;
        Nth = schedule.Nth;
        NthWeekday = schedule.NthWeekday;
        UpdatedAt = now;
    }

    public void Delete(DateTimeOffset now) => DeletedAt ??= now;
}
