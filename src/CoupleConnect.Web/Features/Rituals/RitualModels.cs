using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>The ritual form: a new ritual (from a template or blank) or changes to one.</summary>
public sealed class RitualInput
{
    public string? TemplateKey { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public RitualRepeat Repeat { get; set; } = RitualRepeat.Weekly;

    /// <summary>The first day it may happen (the day itself for "once"); today when empty.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>"19:30", in the couple's home zone.</summary>
    public string StartTime { get; set; } = "19:30";

    public int DurationMinutes { get; set; } = 60;

    public HashSet<DayOfWeek> Weekdays { get; set; } = [];

    public int DayOfMonth { get; set; } = 1;

    public int Nth { get; set; } = 1;

    public DayOfWeek NthWeekday { get; set; } = DayOfWeek.Sunday;

    public static RitualInput From(RitualTemplate template, DateOnly today) => new()
    {
        TemplateKey = template.Key,
        Name = template.Name,
        Description = template.Description,
        Repeat = template.Repeat,
        StartDate = today,
        StartTime = ClockText.ForInput(template.StartTime),
        DurationMinutes = (int)template.Duration.TotalMinutes,
        Weekdays = template.Repeat == RitualRepeat.Weekly ? [template.Weekday] : [],
        Nth = template.Nth == 0 ? 1 : template.Nth,
        NthWeekday = template.Weekday,
    };

    public static RitualInput From(Ritual ritual) => new()
    {
        TemplateKey = ritual.TemplateKey,
        Name = ritual.Name,
        Description = ritual.Description,
        Repeat = ritual.Repeat,
        StartDate = ritual.StartDate,
        StartTime = ClockText.ForInput(ritual.StartTime),
        DurationMinutes = ritual.DurationMinutes,
        Weekdays = [.. ritual.Schedule.Weekdays],
        DayOfMonth = ritual.DayOfMonth == 0 ? 1 : ritual.DayOfMonth,
        Nth = ritual.Nth == 0 ? 1 : ritual.Nth,
        NthWeekday = ritual.NthWeekday,
    };
}

/// <summary>One occurrence as a partner sees it: when (home zone and their own), and what became of it.</summary>
public sealed record OccurrenceView(
    Guid RitualId,
    string RitualName,
    DateOnly Day,
    DateTimeOffset StartsUtc,
    DateTimeOffset EndsUtc,
    string StartsLocal,
    RitualOutcomeStatus? Status,
    bool MarkedByMe,
    bool HasStarted);

/// <summary>A ritual in the list and on the dashboard.</summary>
public sealed record RitualSummary(
    Guid Id,
    string Name,
    string? Description,
    string ScheduleText,
    bool IsMonthlyReflection,
    OccurrenceView? Next,
    OccurrenceView? AwaitingMark,
    RitualProgress Progress,
    string? TemplateKey = null);

/// <summary>A partner's note on an occurrence.</summary>
public sealed record RitualNoteView(string AuthorName, bool Mine, string Text, DateTimeOffset UpdatedAt);

/// <summary>A past occurrence on the ritual's page, with both partners' notes.</summary>
public sealed record PastOccurrenceView(OccurrenceView Occurrence, string? MarkedByName, IReadOnlyList<RitualNoteView> Notes);

/// <summary>This partner's reminder for a ritual.</summary>
public sealed record ReminderChoice(bool On, int LeadMinutes, bool DayBefore, bool OffersDayBefore);

/// <summary>Everything on one ritual's page.</summary>
public sealed record RitualDetail(
    RitualSummary Summary,
    RitualInput Form,
    bool IsDeleted,
    IReadOnlyList<OccurrenceView> Upcoming,
    IReadOnlyList<PastOccurrenceView> Past,
    ReminderChoice Reminder,
    string PartnerName);

/// <summary>The couple's rituals for the dashboard card: what is next and how it is going.</summary>
/// <param name="HappeningNow">A time that has started and not yet ended (the home page puts it first), if any.</param>
public sealed record UpcomingRituals(IReadOnlyList<RitualSummary> Rituals, IReadOnlyList<OccurrenceView> NextSevenDays, OccurrenceView? HappeningNow = null)
{
    /// <summary>The time the home page weighs: the one happening now, else the next one this week.</summary>
    public OccurrenceView? Soonest => HappeningNow ?? (NextSevenDays.Count > 0 ? NextSevenDays[0] : null);
}

/// <summary>One partner's side of a monthly reflection, as the viewer may see it.</summary>
public sealed record ReflectionEntryView(string AuthorName, string? WentWell, string? Goal, bool Written);

/// <summary>A question of the month both answered, with both answers (already revealed to both).</summary>
public sealed record ReflectionQuestion(DateOnly Day, string Question, string? MyAnswer, string? PartnerAnswer);

/// <summary>A positive or gratitude of the month, for looking back together.</summary>
public sealed record ReflectionPositive(DateOnly Day, string AuthorName, bool Mine, Domain.Positives.PositiveKind Kind, string? Note);

/// <summary>The guided monthly reflection for one occurrence: the month looked back on, and what each wrote.</summary>
public sealed record ReflectionView(
    Guid RitualId,
    string RitualName,
    DateOnly Day,
    DateOnly From,
    DateOnly To,
    int MyPositives,
    int PartnerPositives,
    IReadOnlyList<ReflectionPositive> Positives,
    IReadOnlyList<ReflectionQuestion> Questions,
    ReflectionEntryView Mine,
    ReflectionEntryView Partner,
    bool BothWrote,
    bool CanWrite,
    IReadOnlyList<Needs.ReflectionNeed> TriedNeeds);

/// <summary>A deleted ritual, still there to look back on.</summary>
public sealed record StoppedRitual(Guid Id, string Name, DateOnly StoppedOn);
