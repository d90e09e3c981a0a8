using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Goals;

/// <summary>"Download my data": the goals whose words this person wrote, and their own check-ins, in every couple they were in.</summary>
internal sealed class GoalPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "goals";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking().AcrossCouples().Where(goal => goal.WordsById == user.Id).OrderBy(goal => goal.CreatedAt).ToListAsync(cancellationToken);
        var notes = await db.GoalNotes.AsNoTracking().AcrossCouples().Where(note => note.AuthorId == user.Id).OrderBy(note => note.CreatedAt).ToListAsync(cancellationToken);
        return new
        {
            GoalsYouWrote = goals.Select(goal => new
            {
                goal.Name,
                goal.Why,
                Rhythm = GoalWords.Rhythm(goal.Rhythm),
                Status = GoalWords.Status(goal.Status),
                goal.CreatedAt,
                goal.EndedAt,
            }),
            YourCheckIns = notes.Select(note => new { note.Text, note.CreatedAt }),
        };
    }
}

/// <summary>An ended couple's archive: their goals, and the check-ins each was shown.</summary>
internal sealed class GoalArchive : ICoupleArchiveSource
{
    public string Section => "goals";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var goals = await content.Goals.OrderBy(goal => goal.CreatedAt).ToListAsync(cancellationToken);
        var notes = await content.GoalNotes.OrderBy(note => note.CreatedAt).ToListAsync(cancellationToken);
        var names = await content.NamesAsync(notes.Select(note => note.AuthorId), cancellationToken);
        return goals.Select(goal => new
        {
            goal.Name,
            goal.Why,
            Rhythm = GoalWords.Rhythm(goal.Rhythm),
            Status = GoalWords.Status(goal.Status),
            goal.CreatedAt,
            goal.EndedAt,
            CheckIns = notes.Where(note => note.GoalId == goal.Id).Select(note => new
            {
                By = names.GetValueOrDefault(note.AuthorId, "(account deleted)"),
                note.Text,
                note.CreatedAt,
            }),
        });
    }
}
