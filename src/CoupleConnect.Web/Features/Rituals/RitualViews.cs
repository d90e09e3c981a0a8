using System.Globalization;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>Turns rituals and their outcomes into what pages show, times in the home zone and the viewer's own.</summary>
internal static class RitualViews
{
    public static OccurrenceView Occurrence(Ritual ritual, RitualOccurrence occurrence, RitualOutcome? outcome, RitualContext context) => new(
        ritual.Id,
        ritual.Name,
        occurrence.Day,
        occurrence.StartsUtc,
        occurrence.EndsUtc,
        When(occurrence.StartsUtc, context.HomeZone, context.MyZone),
        outcome?.Status,
        outcome?.MarkedById == context.Scope.UserId,
        occurrence.StartsUtc <= context.Now);

    /// <summary>"Friday 27 November, 19:30" — plus "(13:30 your time)" when the viewer's clock says otherwise.</summary>
    public static string When(DateTimeOffset instant, TimeZoneId homeZone, TimeZoneId viewerZone)
    {
        var home = TimeZoneInfo.ConvertTime(instant, homeZone.Zone);
        var text = home.ToString("dddd d MMMM, ", CultureInfo.InvariantCulture) + ClockText.Of(home.DateTime);
        var mine = TimeZoneInfo.ConvertTime(instant, viewerZone.Zone);
        if (mine.Offset == home.Offset)
        {
            return text;
        }

        var dayNote = mine.Date == home.Date ? string.Empty : " " + mine.ToString("dddd", CultureInfo.InvariantCulture);
        return $"{text} ({ClockText.Of(mine.DateTime)}{dayNote} your time)";
    }

    public static RitualSummary Summary(Ritual ritual, IReadOnlyDictionary<DateOnly, RitualOutcome> outcomes, RitualContext context)
    {
        var schedule = ritual.Schedule;
        var next = ritual.IsDeleted ? null : schedule.NextAfter(context.HomeZone, context.Now);
        var latest = schedule.StartedBefore(context.HomeZone, context.Now).FirstOrDefault();
        var awaiting = latest is not null && !outcomes.ContainsKey(latest.Day) && latest.Day >= context.Today.AddDays(-RitualOutcome.MaxDaysBack)
            ? Occurrence(ritual, latest, null, context)
            : null;
        var statuses = outcomes.ToDictionary(pair => pair.Key, pair => pair.Value.Status);
        return new RitualSummary(
            ritual.Id,
            ritual.Name,
            ritual.Description,
            RitualScheduleText.Describe(schedule),
            ritual.IsMonthlyReflection,
            next is null ? null : Occurrence(ritual, next, null, context),
            awaiting,
            RitualProgress.Of(schedule, context.HomeZone, statuses, context.Now),
            ritual.TemplateKey);
    }
}
