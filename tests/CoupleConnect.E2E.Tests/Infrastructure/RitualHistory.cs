using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>The seeded rituals, and the days worth opening.</summary>
/// <param name="DateNight">Weekly, on yesterday's weekday at 19:30: five weeks behind it, yesterday's time not marked yet.</param>
/// <param name="DateNightWithNotes">Date night's time a week before yesterday: done, with a note from each.</param>
/// <param name="Gratitude">Daily at 21:30 for ten days, the latest time not marked yet.</param>
/// <param name="Reflection">The monthly reflection (first Sunday, 19:00), started ten weeks ago.</param>
/// <param name="ReflectionDay">Its latest session that has started: done, both partners wrote.</param>
public sealed record SeededRituals(Guid DateNight, DateOnly DateNightYesterday, DateOnly DateNightWithNotes, Guid Gratitude, Guid Reflection, DateOnly ReflectionDay);

/// <summary>
/// A few weeks of rituals no test has the time to live through (nor may mark: only started times can be marked, a new
/// ritual starts at most 60 days back), made straight in the app's database through its own entities, so names, notes
/// and reflections are encrypted as the app writes them, and both partners' reminders planned as the app plans them.
/// </summary>
public static class RitualHistory
{
    public const string DateNightName = "Date night, no screens";

    public const string GratitudeName = "Gratitude before sleep";

    public const string ReflectionName = "Our month, looking back and ahead";

    public static async Task<SeededRituals> SeedRitualsAsync(this AppFixture app, string alexId, string samId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var couple = await db.Couples
            .Where(couple => couple.EndedAt == null && couple.Members.Any(member => member.UserId == alexId && member.LeftAt == null))
            .Select(couple => new { couple.Id, couple.HomeTimeZoneId })
            .SingleAsync();
        var zone = TimeZoneId.Parse(couple.HomeTimeZoneId);
        var now = DateTimeOffset.UtcNow;
        var today = zone.LocalDate(now);

        // Date night on yesterday's weekday: yesterday's time is the latest, whatever the hour of the test.
        var yesterday = today.AddDays(-1);
        var dateNight = Create(couple.Id, alexId, RitualTemplates.DateNight, RitualRepeat.Weekly, today.AddDays(-36), new TimeOnly(19, 30), 120, yesterday.DayOfWeek, zone, now.AddSeconds(-3));
        db.Rituals.Add(dateNight);
        var withNotes = yesterday.AddDays(-7);
        Mark(db, dateNight, withNotes, RitualOutcomeStatus.Done, alexId, now);
        Mark(db, dateNight, yesterday.AddDays(-14), RitualOutcomeStatus.Done, samId, now);
        Mark(db, dateNight, yesterday.AddDays(-21), RitualOutcomeStatus.Skipped, alexId, now);
        Mark(db, dateNight, yesterday.AddDays(-28), RitualOutcomeStatus.Done, samId, now);
        Mark(db, dateNight, yesterday.AddDays(-35), RitualOutcomeStatus.Done, alexId, now);
        // Notes show oldest first: Alex wrote first.
        db.RitualNotes.Add(RitualNote.Write(dateNight.Id, withNotes, alexId, "We cooked the pasta from our first holiday and left both phones in the hallway.", now.AddMinutes(-20)));
        db.RitualNotes.Add(RitualNote.Write(dateNight.Id, withNotes, samId, "Best evening in ages. Next time I choose the music <and the wine>.", now.AddMinutes(-10)));
        db.RitualNotes.Add(RitualNote.Write(dateNight.Id, yesterday.AddDays(-14), samId, "Board games by candlelight; you won twice.", now.AddMinutes(-20)));
        db.RitualNotes.Add(RitualNote.Write(dateNight.Id, yesterday.AddDays(-21), alexId, "Work ran late. We had a long Sunday breakfast instead.", now.AddMinutes(-20)));

        // Gratitude every evening for ten days: all but the latest time marked, one skipped.
        var gratitude = Create(couple.Id, samId, RitualTemplates.EveningGratitude, RitualRepeat.Daily, today.AddDays(-10), new TimeOnly(21, 30), 10, DayOfWeek.Sunday, zone, now.AddSeconds(-2));
        db.Rituals.Add(gratitude);
        var started = gratitude.Schedule.StartedBefore(zone, now).Skip(1).ToList();
        foreach (var occurrence in started)
        {
            var skipped = occurrence.Day == today.AddDays(-6);
            Mark(db, gratitude, occurrence.Day, skipped ? RitualOutcomeStatus.Skipped : RitualOutcomeStatus.Done, occurrence.Day.DayNumber % 2 == 0 ? alexId : samId, now);
        }

        // The monthly reflection: its latest session done, and both wrote.
        var reflection = Create(couple.Id, alexId, RitualTemplates.MonthlyReflection, RitualRepeat.MonthlyOnNthWeekday, today.AddDays(-70), new TimeOnly(19, 0), 60, DayOfWeek.Sunday, zone, now.AddSeconds(-1));
        db.Rituals.Add(reflection);
        var session = reflection.Schedule.StartedBefore(zone, now).First().Day;
        Mark(db, reflection, session, RitualOutcomeStatus.Done, samId, now);
        db.MonthlyReflections.Add(MonthlyReflection.Write(
            reflection.Id, session, alexId, "We kept date night almost every week, and you noticed the small things even in the busy weeks.", "Plan the spring trip together, one evening at a time.", now));
        db.MonthlyReflections.Add(MonthlyReflection.Write(
            reflection.Id, session, samId, "Less time on our phones in the evenings. More laughing at dinner.", "Walk by the river every Sunday morning.", now));

        foreach (var ritual in new[] { dateNight, gratitude, reflection })
        {
            await RitualReminderPlanner.PlanAsync(db, ritual, zone, [alexId, samId], now, CancellationToken.None);
        }

        await db.SaveChangesAsync();
        return new SeededRituals(dateNight.Id, yesterday, withNotes, gratitude.Id, reflection.Id, session);
    }

    /// <summary>A ritual from a suggestion, made at <paramref name="createdAt"/> (the list shows them oldest first).</summary>
    private static Ritual Create(Guid coupleId, string createdBy, RitualTemplate template, RitualRepeat repeat, DateOnly start, TimeOnly time, int minutes, DayOfWeek day, TimeZoneId zone, DateTimeOffset createdAt)
    {
        if (!RitualName.TryParse(template.Name, out var name, out var problem)
            || !RitualSchedule.TryCreate(repeat, start, LocalTimeOfDay.From(time), TimeSpan.FromMinutes(minutes), [day], 1, 1, day, zone, createdAt, out var schedule, out problem))
        {
            throw new InvalidOperationException(problem);
        }

        return Ritual.Create(coupleId, createdBy, name!, template.Description, schedule!, template.Key, createdAt);
    }

    private static void Mark(AppDbContext db, Ritual ritual, DateOnly day, RitualOutcomeStatus status, string userId, DateTimeOffset now) =>
        db.RitualOutcomes.Add(RitualOutcome.Mark(ritual, day, status, userId, now));
}
