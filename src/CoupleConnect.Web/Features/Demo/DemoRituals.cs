using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>The demo couple's rituals: a weekly date night kept most weeks, and the monthly reflection, with notes.</summary>
internal static class DemoRituals
{
    public static async Task AddAsync(AppDbContext db, Guid coupleId, DemoPartners partners, TimeZoneId zone, DateOnly firstDay, DateTimeOffset now, Random random, CancellationToken cancellationToken)
    {
        var (alexId, samId) = (partners.Alex, partners.Sam);
        var notes = new Dictionary<string, DemoDeck> { [alexId] = new(DemoWords.Alex.DateNightNotes, random), [samId] = new(DemoWords.Sam.DateNightNotes, random) };
        var dateNight = Create(db, coupleId, alexId, RitualTemplates.DateNight, firstDay, zone, now);
        var reflection = Create(db, coupleId, samId, RitualTemplates.MonthlyReflection, firstDay, zone, now);

        foreach (var occurrence in dateNight.Schedule.StartedBefore(zone, now).Where(occurrence => occurrence.EndsUtc < now))
        {
            // Most weeks kept, the odd one skipped: a believable record, and a streak running into this week.
            var status = random.Next(6) == 0 && occurrence.Day < zone.LocalDate(now).AddDays(-14) ? RitualOutcomeStatus.Skipped : RitualOutcomeStatus.Done;
            db.RitualOutcomes.Add(RitualOutcome.Mark(dateNight, occurrence.Day, status, random.Next(2) == 0 ? alexId : samId, occurrence.EndsUtc.AddHours(1)));
            if (status == RitualOutcomeStatus.Done && random.Next(3) > 0)
            {
                var writer = random.Next(2) == 0 ? alexId : samId;
                db.RitualNotes.Add(RitualNote.Write(dateNight.Id, occurrence.Day, writer, notes[writer].Next(), occurrence.EndsUtc.AddHours(1)));
            }
        }

        foreach (var occurrence in reflection.Schedule.StartedBefore(zone, now).Where(occurrence => occurrence.EndsUtc < now))
        {
            db.RitualOutcomes.Add(RitualOutcome.Mark(reflection, occurrence.Day, RitualOutcomeStatus.Done, samId, occurrence.EndsUtc));
            db.MonthlyReflections.Add(MonthlyReflection.Write(reflection.Id, occurrence.Day, alexId, "Date night most weeks. More talking at dinner, less telly. Good month.", "Actually book the Lisbon flights.", occurrence.EndsUtc));
            db.MonthlyReflections.Add(MonthlyReflection.Write(reflection.Id, occurrence.Day, samId, "I've felt really listened to this month, and the evening thank-yous have become a lovely habit!", "One phone-free Sunday morning each week, just us and coffee.", occurrence.EndsUtc));
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
