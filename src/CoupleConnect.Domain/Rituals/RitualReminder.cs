using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Domain.Rituals;

/// <summary>The next reminder to send for one ritual and one partner: which occurrence, which kind, when.</summary>
public sealed record RitualReminderDue(DateOnly OccurrenceDay, ReminderKind Kind, DateTimeOffset DueUtc);

/// <summary>
/// One partner's reminder choice for one ritual (on/off, how long before, and for monthly rituals also the day
/// before), plus the dispatcher's bookmark: the next reminder due. The reminder dispatcher claims due rows the same
/// way it claims the daily reminders, and writes the outbox row keyed by (person, kind, occurrence day, ritual).
/// </summary>
public sealed class RitualReminder : ICoupleOwned
{
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(7);

    public static readonly TimeSpan DefaultLead = TimeSpan.FromHours(2);

    private RitualReminder()
    {
    }

    public Guid RitualId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public bool IsOn { get; private set; }

    public int LeadMinutes { get; private set; }

    public bool DayBefore { get; private set; }

    public DateTimeOffset? NextDueUtc { get; private set; }

    public DateOnly? NextOccurrenceDay { get; private set; }

    public ReminderKind? NextKind { get; private set; }

    public TimeSpan Lead => TimeSpan.FromMinutes(LeadMinutes);

    public static RitualReminder DefaultFor(Ritual ritual, string userId) => new()
    {
        RitualId = ritual.Id,
        UserId = userId,
        IsOn = true,
        LeadMinutes = (int)(ritual.Repeat == RitualRepeat.Daily ? TimeSpan.FromMinutes(30) : DefaultLead).TotalMinutes,
        DayBefore = ritual.Repeat is RitualRepeat.MonthlyOnDay or RitualRepeat.MonthlyOnNthWeekday,
    };

    /// <summary>Null when the lead time is acceptable; otherwise why not.</summary>
    public static string? ProblemWithLead(TimeSpan lead) => lead switch
    {
        _ when lead < TimeSpan.Zero => "A reminder comes before the ritual, not after it.",
        _ when lead > MaxLead => "A reminder can come at most 7 days before.",
        _ => null,
    };

    /// <summary>The day-before reminder is offered for monthly rituals only (a daily one would remind you every day twice).</summary>
    public static bool OffersDayBefore(RitualRepeat repeat) => repeat is RitualRepeat.MonthlyOnDay or RitualRepeat.MonthlyOnNthWeekday;

    public void Change(bool on, TimeSpan lead, bool dayBefore, RitualRepeat repeat)
    {
        if (ProblemWithLead(lead) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(lead), lead, problem);
        }

        IsOn = on;
        LeadMinutes = (int)lead.TotalMinutes;
        DayBefore = dayBefore && OffersDayBefore(repeat);
    }

    /// <summary>Sets the bookmark to the first reminder after <paramref name="afterUtc"/> (none when off or the ritual is over).</summary>
    public void PlanAfter(RitualSchedule schedule, TimeZoneId zone, DateTimeOffset afterUtc)
    {
        var next = IsOn ? NextAfter(schedule, zone, Lead, DayBefore && OffersDayBefore(schedule.Repeat), afterUtc) : null;
        NextDueUtc = next?.DueUtc;
        NextOccurrenceDay = next?.OccurrenceDay;
        NextKind = next?.Kind;
    }

    public void Stop()
    {
        NextDueUtc = null;
        NextOccurrenceDay = null;
        NextKind = null;
    }

    /// <summary>
    /// The earliest reminder strictly after <paramref name="afterUtc"/>: the lead reminder of an occurrence, or its
    /// day-before reminder (the previous local day at the ritual's start time, DST-correct).
    /// </summary>
    public static RitualReminderDue? NextAfter(RitualSchedule schedule, TimeZoneId zone, TimeSpan lead, bool dayBefore, DateTimeOffset afterUtc)
    {
        RitualReminderDue? best = null;

        // A reminder is always before its occurrence, so only occurrences after afterUtc matter; with a lead of at
        // most 7 days, the earliest reminder belongs to one of the next eight occurrences.
        foreach (var occurrence in schedule.OccurrencesBetween(zone, afterUtc.AddTicks(1), afterUtc.AddYears(2)).Take(8))
        {
            Consider(new RitualReminderDue(occurrence.Day, ReminderKind.RitualReminder, occurrence.StartsUtc - lead));
            // A lead of a day or more already reminds the day before (or earlier): one email, not two.
            if (dayBefore && lead < TimeSpan.FromDays(1))
            {
                Consider(new RitualReminderDue(occurrence.Day, ReminderKind.RitualDayBefore, ReminderClock.DueOn(zone, schedule.StartTime, occurrence.Day.AddDays(-1))));
            }
        }

        return best;

        void Consider(RitualReminderDue candidate)
        {
            if (candidate.DueUtc > afterUtc && (best is null || candidate.DueUtc < best.DueUtc))
            {
                best = candidate;
            }
        }
    }
}
