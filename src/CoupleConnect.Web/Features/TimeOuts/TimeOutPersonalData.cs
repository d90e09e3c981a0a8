using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.TimeOuts;

/// <summary>
/// "Download my data": the time-outs this person called (times only) and their private notes. A couple's archive holds
/// no time-out notes: only their writer ever saw them (docs/adr/0032).
/// </summary>
internal sealed class TimeOutPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "timeOuts";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Across couples: what this person did or wrote, in every couple they were in.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var called = await db.TimeOuts.AsNoTracking().AcrossCouples().Where(row => row.CalledById == user.Id).OrderBy(row => row.CalledAt).ToListAsync(cancellationToken);
        var notes = await db.TimeOutNotes.AsNoTracking().AcrossCouples().Where(note => note.AuthorId == user.Id).OrderBy(note => note.UpdatedAt).ToListAsync(cancellationToken);
        return new
        {
            TimeOutsYouCalled = called.Select(row => new { row.CalledAt, row.ReturnAt, row.Extended, row.EndedEarlyAt }),
            YourPrivateNotes = notes.Select(note => new { note.Text, note.UpdatedAt }),
        };
    }
}
