using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>The demo couple's rituals: a weekly date night kept most weeks, and the monthly reflection, with notes.</summary>
internal static class DemoRituals
{
    private static readonly string[] DateNightNotes =
    [
        "Cooked together, no phones. Laughed a lot.",
        "Walked by the river and talked about the summer.",
        "Board games and tea. Simple and lovely.",
        "Tried the new Thai place, then home early.",
    ];

    public static async Task AddAsync(AppDbContext db, Guid coupleId, string alexId, string samId, TimeZoneId zone, DateOnly firstDay, DateTimeOffset now, Random random, CancellationToken cancellationToken)
    {
        var dateNight = Create(db, coupleId, alexId, RitualTemplates.DateNight, firstDay, zone, now);
        var reflection = Create(db, coupleId, samId, RitualTemplates.MonthlyReflection, firstDay, zone, now);

        foreach (var occurrence in dateNight.Schedule.StartedBefore(zone, now).Where(occurrence => occurrence.EndsUtc < now))
        {
            // Most weeks kept, the odd one skipped: a believable record, and a streak running into this week.
            var status = random.Next(6) == 0 && occurrence.Day < zone.LocalDate(now).AddDays(-21) ? RitualOutcomeStatus.Skipped : RitualOutcomeStatus.Done;
            db.RitualOutcomes.Add(RitualOutcome.Mark(dateNight, occurrence.Day, status, random.Next(2) == 0 ? alexId : samId, occurrence.EndsUtc.AddHours(1)));
            if (status == RitualOutcomeStatus.Done && random.Next(2) == 0)
            {
                db.RitualNotes.Add(RitualNote.Write(dateNight.Id, occurrence.Day, random.Next(2) == 0 ? alexId : samId, DateNightNotes[random.Next(DateNightNotes.Length)], occurrence.EndsUtc.AddHours(1)));
            }
        }

        foreach (var occurrence in reflection.Schedule.StartedBefore(zone, now).Where(occurrence => occurrence.EndsUtc < now))
        {
            db.RitualOutcomes.Add(RitualOutcome.Mark(reflection, occurrence.Day, RitualOutcomeStatus.Done, samId, occurrence.EndsUtc));
            db.MonthlyReflections.Add(MonthlyReflection.Write(reflection.Id, occurrence.Day, alexId, "We kept date night almost every week, and talked more at dinner.", "Plan the spring trip together.", occurrence.EndsUtc));
            db.MonthlyReflections.Add(MonthlyReflection.Write(reflection.Id, occurrence.Day, samId, "Feeling listened to. The evening thank-yous became a habit.", "One phone-free Sunday morning each week.", occurrence.EndsUtc));
        }

        IReadOnlyCollection<string> members = [alexId, samId];
        await RitualReminderPlanner.PlanAsync(db, dateNight, zone, members, now, cancellationToken);
        await RitualReminderPlanner.PlanAsync(db, reflection, zone, members, now, cancellationToken);
    }

    private static Ritual Create(AppDbContext db, Guid coupleId, string createdBy, RitualTemplate template, DateOnly firstDay, TimeZoneId zone, DateTimeOffset now)
    {
        if (!RitualName.TryParse(template.Name, out var name, out var problem))
        {
            throw new InvalidOperationException($"Template {template.Key} has an invalid name: {problem}");
        }

        var ritual = Ritual.Create(coupleId, createdBy, name!, template.Description, template.ScheduleFrom(firstDay, zone, DateTimeOffset.MinValue), template.Key, now);
        db.Rituals.Add(ritual);
        return ritual;
    }
}
