using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// "My words are mine" after a couple ends (docs/adr/0035): everything one former partner wrote in that couple goes at
/// once, for both, so the other's archive no longer holds it. Where the other's words answered them, the archive keeps
/// the other's words with a "removed by its author" mark. Called from the archive page and from the leave page.
/// </summary>
public sealed class AuthorWords(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    CoupleArchiveService archives,
    TimeProvider timeProvider,
    ILogger<AuthorWords> logger)
{
    /// <summary>
    /// The archive page's button: the signed-in person's words leave their most recent ended couple's archive. Null when
    /// signed out or when there is no archive (any more); otherwise how many entries went.
    /// </summary>
    public async Task<int?> RemoveMineFromArchiveAsync(CancellationToken ct = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null || await archives.FindForUserAsync(userId, ct) is not { } archive)
        {
            return null;
        }

        return await RemoveFromEndedCoupleAsync(userId, archive.CoupleId, ct);
    }

    /// <summary>
    /// Removes what <paramref name="authorId"/> wrote in the ended couple <paramref name="coupleId"/>: answers (withdrawn
    /// or emptied), reflections and hearts on the partner's answers, positives and notes of thanks, ritual notes, monthly
    /// reflections, needs (with their versions) and answers about needs, talk topics, turns and next steps, time-out
    /// notes, weekly temperature answers, goals' words and check-ins, and story moments and sides (a moment the other
    /// added their side to stays empty around it). Changes nothing (and returns 0) unless the couple has ended and the
    /// author was one of its two members.
    /// All of it in one transaction: either everything goes or nothing does.
    /// </summary>
    /// <returns>How many entries went.</returns>
    public async Task<int> RemoveFromEndedCoupleAsync(string authorId, Guid coupleId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(authorId);
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            var endedWithAuthor = await check.Couples.AsNoTracking()
                .AnyAsync(couple => couple.Id == coupleId && couple.EndedAt != null && couple.Members.Any(member => member.UserId == authorId), ct);
            if (!endedWithAuthor)
            {
                return 0;
            }
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await CoupleDb.OpenAsync(dbFactory, coupleId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var removed = 0;
        var days = await db.DailyQuestions.Include(daily => daily.Answers)
            .Where(daily => daily.Answers.Any(answer => answer.AuthorId == authorId))
            .ToListAsync(ct);
        removed += days.Sum(daily => daily.RemoveEverythingBy(authorId, now));

        var talks = await db.Talks.Include(talk => talk.Turns).Include(talk => talk.NextSteps).AsSplitQuery()
            .Where(talk => talk.ProposedById == authorId || talk.PartnerId == authorId)
            .ToListAsync(ct);
        foreach (var talk in talks)
        {
            removed += RemoveFromTalk(talk, authorId, now);
        }

        var goals = await db.Goals.Where(goal => goal.WordsById == authorId).ToListAsync(ct);
        removed += goals.Count(goal => goal.RemoveWordsOf(authorId));

        await db.SaveChangesAsync(ct);

        removed += await db.GoalNotes.Where(note => note.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await db.Positives.Where(positive => positive.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await db.RitualNotes.Where(note => note.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await db.MonthlyReflections.Where(entry => entry.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await db.NeedAnswers.Where(answer => answer.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await db.Needs.Where(need => need.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await db.TimeOutNotes.Where(note => note.AuthorId == authorId).ExecuteDeleteAsync(ct);
        removed += await Story.StoryOfFormerPartner.RemoveAsync(db, authorId, now, ct);
        removed += await db.TemperatureAnswers.Where(answer => answer.AuthorId == authorId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Removed {Count} entries a former partner wrote in an ended couple", removed);
        return removed;
    }

    private static int RemoveFromTalk(Domain.Talks.Talk talk, string authorId, DateTimeOffset now)
    {
        var removed = 0;
        foreach (var turn in talk.Turns.ToList())
        {
            var spoke = turn.SpeakerId == authorId && (turn.Said is not null || turn.Clarification is not null);
            var reflected = turn.ListenerId == authorId && turn.Reflection is not null;
            if (spoke || reflected)
            {
                talk.RemoveWords(authorId, turn.Id, now);
                removed++;
            }
        }

        if (talk.ProposedById == authorId && talk.Topic is not null)
        {
            talk.RemoveTopic(authorId, now);
            removed++;
        }

        if (talk.NextSteps.Any(step => step.AuthorId == authorId))
        {
            talk.RemoveNextStep(authorId, now);
            removed++;
        }

        return removed;
    }
}
