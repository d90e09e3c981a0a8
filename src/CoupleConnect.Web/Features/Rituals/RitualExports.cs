using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>"Download my data": the rituals this person created, their notes on occurrences, their monthly reflections and reminders.</summary>
internal sealed class RitualPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "rituals";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Across couples: what this person wrote or set, in every couple they were in.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var created = await db.Rituals.AsNoTracking().AcrossCouples().Where(ritual => ritual.CreatedById == user.Id).OrderBy(ritual => ritual.CreatedAt).ToListAsync(cancellationToken);
        var notes = await db.RitualNotes.AsNoTracking().AcrossCouples().Where(note => note.AuthorId == user.Id).OrderBy(note => note.Day).ToListAsync(cancellationToken);
        var reflections = await db.MonthlyReflections.AsNoTracking().AcrossCouples().Where(entry => entry.AuthorId == user.Id).OrderBy(entry => entry.Day).ToListAsync(cancellationToken);
        var reminders = await db.RitualReminders.AsNoTracking().AcrossCouples().Where(reminder => reminder.UserId == user.Id).ToListAsync(cancellationToken);
        var ritualIds = notes.Select(note => note.RitualId).Concat(reflections.Select(entry => entry.RitualId)).Concat(reminders.Select(reminder => reminder.RitualId)).Distinct().ToList();
        var names = await db.Rituals.AsNoTracking().AcrossCouples().Where(ritual => ritualIds.Contains(ritual.Id)).ToDictionaryAsync(ritual => ritual.Id, ritual => ritual.Name, cancellationToken);
        return new
        {
            RitualsYouCreated = created.Select(ritual => new { ritual.Name, ritual.Description, Schedule = Domain.Rituals.RitualScheduleText.Describe(ritual.Schedule), ritual.CreatedAt, ritual.DeletedAt }),
            YourNotes = notes.Select(note => new { Ritual = names.GetValueOrDefault(note.RitualId), note.Day, note.Text, note.UpdatedAt }),
            YourMonthlyReflections = reflections.Select(entry => new { Ritual = names.GetValueOrDefault(entry.RitualId), entry.Day, entry.WentWell, entry.Goal, entry.UpdatedAt }),
            YourReminders = reminders.Select(reminder => new { Ritual = names.GetValueOrDefault(reminder.RitualId), reminder.IsOn, reminder.LeadMinutes, reminder.DayBefore }),
        };
    }
}

/// <summary>An ended couple's archive: their rituals, what became of each occasion, both partners' notes, and the monthly reflections both wrote.</summary>
internal sealed class RitualArchive : ICoupleArchiveSource
{
    public string Section => "rituals";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var rituals = await content.Rituals.OrderBy(ritual => ritual.CreatedAt).ToListAsync(cancellationToken);
        var outcomes = await content.RitualOutcomes.ToListAsync(cancellationToken);
        var notes = await content.RitualNotes.ToListAsync(cancellationToken);
        var reflections = await content.MonthlyReflections.ToListAsync(cancellationToken);
        var names = await content.NamesAsync(notes.Select(note => note.AuthorId).Concat(reflections.Select(entry => entry.AuthorId)).Concat(outcomes.Select(outcome => outcome.MarkedById)), cancellationToken);
        string NameOf(string id) => names.GetValueOrDefault(id, "(account deleted)");
        return rituals.Select(ritual => new
        {
            ritual.Name,
            ritual.Description,
            Schedule = Domain.Rituals.RitualScheduleText.Describe(ritual.Schedule),
            ritual.DeletedAt,
            Occasions = outcomes.Where(outcome => outcome.RitualId == ritual.Id).OrderBy(outcome => outcome.Day)
                .Select(outcome => new { outcome.Day, Status = outcome.Status.ToString(), MarkedBy = NameOf(outcome.MarkedById) }),
            Notes = notes.Where(note => note.RitualId == ritual.Id).OrderBy(note => note.Day).Select(note => new { note.Day, By = NameOf(note.AuthorId), note.Text }),
            Reflections = reflections.Where(entry => entry.RitualId == ritual.Id).OrderBy(entry => entry.Day)
                .Select(entry => new { entry.Day, By = NameOf(entry.AuthorId), entry.WentWell, entry.Goal }),
        });
    }
}
