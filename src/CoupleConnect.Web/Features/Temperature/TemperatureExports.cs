using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Temperature;

/// <summary>"Download my data": this person's own weekly answers, revealed or not (they wrote them). Never the partner's.</summary>
internal sealed class TemperaturePersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "weeklyTemperature";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Across couples: what this person wrote, in every couple they were in.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answers = await db.TemperatureAnswers.AsNoTracking().AcrossCouples()
            .Where(answer => answer.AuthorId == user.Id)
            .OrderBy(answer => answer.WeekOf)
            .ToListAsync(cancellationToken);
        return answers.Select(answer => new { answer.WeekOf, answer.Connected, SmallGain = answer.Gain, answer.Wish, answer.AnsweredAt });
    }
}

/// <summary>An ended couple's archive: the weeks both answered, as both saw them (<see cref="SharedWithPartner.TemperatureAnswers"/>).</summary>
internal sealed class TemperatureArchive : ICoupleArchiveSource
{
    public string Section => "weeklyTemperature";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var answers = await content.TemperatureAnswers.OrderBy(answer => answer.WeekOf).ThenBy(answer => answer.AnsweredAt).ToListAsync(cancellationToken);
        var names = await content.NamesAsync(answers.Select(answer => answer.AuthorId), cancellationToken);
        return answers.Select(answer => new
        {
            answer.WeekOf,
            By = names.GetValueOrDefault(answer.AuthorId, "(account deleted)"),
            answer.Connected,
            SmallGain = answer.Gain,
            answer.Wish,
        });
    }
}
