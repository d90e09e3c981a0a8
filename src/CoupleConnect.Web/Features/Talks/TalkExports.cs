using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Talks;

/// <summary>"Download my data": each person's own words in talks (topics they proposed, what they said, their reflections, what they'll try); never the partner's.</summary>
internal sealed class TalkPersonalData(IDbContextFactory<AppDbContext> dbFactory) : IPersonalDataSource
{
    public string Section => "talks";

    public async Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        // Across couples: what this person wrote, in every couple they were in. Whole rows: text decrypts with its row.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var talks = await db.Talks.AsNoTracking().AcrossCouples()
            .Where(talk => talk.ProposedById == user.Id || talk.PartnerId == user.Id)
            .OrderBy(talk => talk.CreatedAt).ToListAsync(cancellationToken);
        var talkIds = talks.Select(talk => talk.Id).ToList();
        var turns = await db.TalkTurns.AsNoTracking().AcrossCouples().Where(turn => talkIds.Contains(turn.TalkId)).ToListAsync(cancellationToken);
        var steps = await db.TalkNextSteps.AsNoTracking().AcrossCouples().Where(step => step.AuthorId == user.Id).ToListAsync(cancellationToken);
        return talks.Select(talk => new
        {
            // The topic is the proposer's words: the other partner's download names the talk only by its time.
            YourTopic = talk.ProposedById == user.Id ? talk.Topic : null,
            talk.CreatedAt,
            talk.StartedAt,
            talk.EndedAt,
            talk.TimeBoxMinutes,
            WhatYouSaid = turns.Where(turn => turn.TalkId == talk.Id && turn.SpeakerId == user.Id && turn.Said != null).OrderBy(turn => turn.Number)
                .Select(turn => new { Turn = turn.Number, turn.Said, turn.SaidAt, WhatYouAddedWithNotQuite = turn.Clarification }),
            YourReflections = turns.Where(turn => turn.TalkId == talk.Id && turn.ListenerId == user.Id && turn.Reflection != null).OrderBy(turn => turn.Number)
                .Select(turn => new { Turn = turn.Number, turn.Reflection, turn.ReflectedAt }),
            OneThingYoullTry = steps.FirstOrDefault(step => step.TalkId == talk.Id)?.Text,
        });
    }
}

/// <summary>An ended couple's archive: their talks, with what each said and reflected (all of it was seen by the other as it was sent), minus anything its author removed.</summary>
internal sealed class TalkArchive : ICoupleArchiveSource
{
    public string Section => "talks";

    public async Task<object?> ExportAsync(CoupleArchiveContent content, CancellationToken cancellationToken)
    {
        var talks = await content.Talks.OrderBy(talk => talk.CreatedAt).ToListAsync(cancellationToken);
        var turns = await content.TalkTurns.ToListAsync(cancellationToken);
        var steps = await content.TalkNextSteps.ToListAsync(cancellationToken);
        var names = await content.NamesAsync(talks.Select(talk => talk.ProposedById).Concat(talks.Select(talk => talk.PartnerId)), cancellationToken);
        string NameOf(string id) => names.GetValueOrDefault(id, "(account deleted)");
        return talks.Select(talk => new
        {
            talk.Topic,
            ProposedBy = NameOf(talk.ProposedById),
            talk.StartedAt,
            talk.EndedAt,
            Turns = turns.Where(turn => turn.TalkId == talk.Id).OrderBy(turn => turn.Number).Select(turn => new
            {
                Speaker = NameOf(turn.SpeakerId),
                turn.Said,
                turn.Reflection,
                Response = turn.Verdict,
                turn.Clarification,
            }),
            OneThingEachWillTry = steps.Where(step => step.TalkId == talk.Id).Select(step => new { By = NameOf(step.AuthorId), step.Text }),
        });
    }
}
