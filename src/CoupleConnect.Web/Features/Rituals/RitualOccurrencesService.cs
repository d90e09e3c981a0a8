using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Needs;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Needs;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// What happens at a ritual's occurrences: marked done or skipped by either partner, each partner's note, and the
/// guided monthly reflection. Only occurrences the schedule really has, that have started, within the last 60 days.
/// </summary>
public sealed class RitualOccurrencesService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotAnOccurrenceMessage = "The ritual doesn't happen on that day.";
    public const string NotYetMessage = "That occasion hasn't started yet. You can mark it once it has.";
    public const string TooLongAgoMessage = "That was more than 60 days ago; it can't be changed any more.";
    public const string NotAReflectionMessage = "Only the monthly reflection has this page.";
    public const string WordsGoneMessage = "There are no words of yours there to delete.";

    public async Task<ServiceResult> MarkAsync(Guid ritualId, DateOnly day, RitualOutcomeStatus status, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(status))
        {
            return ServiceResult.Fail("Please choose done or skipped.");
        }

        return await AtOccurrenceAsync(ritualId, day, async (db, ritual, context) =>
        {
            var outcome = await db.RitualOutcomes.SingleOrDefaultAsync(outcome => outcome.RitualId == ritual.Id && outcome.Day == day, cancellationToken);
            if (outcome is null)
            {
                db.RitualOutcomes.Add(RitualOutcome.Mark(ritual, day, status, context.Scope.UserId, context.Now));
            }
            else
            {
                outcome.Change(status, context.Scope.UserId, context.Now);
            }

            return ServiceResult.Ok;
        }, cancellationToken);
    }

    /// <summary>The signed-in partner's own note on an occurrence; the partner's note is never touched.</summary>
    public async Task<ServiceResult> WriteNoteAsync(Guid ritualId, DateOnly day, string? text, CancellationToken cancellationToken = default)
    {
        if (!RitualText.TryParse(text, RitualText.NoteMaxLength, "note", out var note, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await AtOccurrenceAsync(ritualId, day, async (db, ritual, context) =>
        {
            var mine = await db.RitualNotes.SingleOrDefaultAsync(existing => existing.RitualId == ritual.Id && existing.Day == day && existing.AuthorId == context.Scope.UserId, cancellationToken);
            if (mine is null)
            {
                db.RitualNotes.Add(RitualNote.Write(ritual.Id, day, context.Scope.UserId, note!, context.Now));
            }
            else
            {
                mine.Rewrite(note!, context.Now);
            }

            return ServiceResult.Ok;
        }, cancellationToken, writesText: true);
    }

    public async Task<ServiceResult<ReflectionView>> GetReflectionAsync(Guid ritualId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult<ReflectionView>.Fail(RitualsService.NotPaired);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var context = new RitualContext(scope, timeProvider.GetUtcNow());
        var ritual = await db.Rituals.AsNoTracking().SingleOrDefaultAsync(ritual => ritual.Id == ritualId, cancellationToken);
        if (ritual is null)
        {
            return ServiceResult<ReflectionView>.Fail(RitualsService.Gone);
        }

        if (!ritual.IsMonthlyReflection)
        {
            return ServiceResult<ReflectionView>.Fail(NotAReflectionMessage);
        }

        var schedule = ritual.Schedule;
        if (schedule.On(context.HomeZone, day) is not { } occurrence)
        {
            return ServiceResult<ReflectionView>.Fail(NotAnOccurrenceMessage);
        }

        // The month looked back on: since the previous session (or a month back for the first).
        var previous = schedule.StartedBefore(context.HomeZone, occurrence.StartsUtc.AddTicks(-1)).FirstOrDefault();
        var from = previous?.Day ?? day.AddMonths(-1);
        var positives = await db.Positives.AsNoTracking().SeenBy(scope.UserId, timeProvider.GetUtcNow())
            .Where(positive => positive.Day >= from && positive.Day <= day)
            .OrderByDescending(positive => positive.Day).ThenByDescending(positive => positive.CreatedAt)
            .ToListAsync(cancellationToken);
        var questions = await db.DailyQuestions.AsNoTracking().Include(question => question.Answers)
            .Where(question => question.Day >= from && question.Day <= day)
            .OrderBy(question => question.Day)
            .ToListAsync(cancellationToken);
        var entries = await db.MonthlyReflections.AsNoTracking().Where(entry => entry.RitualId == ritual.Id && entry.Day == day).ToListAsync(cancellationToken);
        var mine = entries.SingleOrDefault(entry => entry.AuthorId == scope.UserId);
        var theirs = entries.SingleOrDefault(entry => entry.AuthorId == scope.PartnerId);
        var bothWrote = mine is not null && theirs is not null;

        return ServiceResult<ReflectionView>.Ok(new ReflectionView(
            ritual.Id,
            ritual.Name,
            day,
            from,
            day,
            positives.Count(positive => positive.AuthorId == scope.UserId),
            positives.Count(positive => positive.AuthorId == scope.PartnerId),
            positives.Take(30).Select(positive => new ReflectionPositive(positive.Day, context.NameOf(positive.AuthorId), positive.AuthorId == scope.UserId, positive.Kind, positive.Note)).ToList(),
            questions
                // Only days revealed to both at this moment: not one still waiting for both taps or for a private answer's morning.
                .Where(question => question.AnswerBy(scope.UserId) is not null && question.AnswerBy(scope.PartnerId) is not null && question.IsRevealedAt(context.Now))
                .Select(question => new ReflectionQuestion(
                    question.Day,
                    QuestionBank.All.Single(candidate => candidate.Id == question.QuestionId).Text,
                    WordsOf(question.AnswerBy(scope.UserId)),
                    WordsOf(question.AnswerBy(scope.PartnerId))))
                .ToList(),
            new ReflectionEntryView(context.MyName, mine?.WentWell, mine?.Goal, mine is not null),
            new ReflectionEntryView(context.PartnerName, bothWrote ? theirs!.WentWell : null, bothWrote ? theirs!.Goal : null, theirs is not null),
            bothWrote,
            !ritual.IsDeleted && occurrence.StartsUtc <= context.Now.AddDays(1) && day >= context.Today.AddDays(-RitualOutcome.MaxDaysBack),
            await NeedsInReflection.LoadAsync(db, scope, ritual.Id, day, cancellationToken)));
    }

    /// <summary>
    /// The signed-in partner's "what went well" and "one goal"; hidden from the partner until both wrote. It can be
    /// written from the day before the session (to prepare), and changed afterwards.
    /// </summary>
    public async Task<ServiceResult> WriteReflectionAsync(Guid ritualId, DateOnly day, string? wentWell, string? goal, CancellationToken cancellationToken = default)
    {
        if (!RitualText.TryParse(wentWell, RitualText.WentWellMaxLength, "\"what went well\"", out var well, out var problem)
            || !RitualText.TryParse(goal, RitualText.GoalMaxLength, "goal for next month", out var nextGoal, out problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await AtOccurrenceAsync(ritualId, day, async (db, ritual, context) =>
        {
            if (!ritual.IsMonthlyReflection)
            {
                return ServiceResult.Fail(NotAReflectionMessage);
            }

            var mine = await db.MonthlyReflections.SingleOrDefaultAsync(entry => entry.RitualId == ritual.Id && entry.Day == day && entry.AuthorId == context.Scope.UserId, cancellationToken);
            if (mine is null)
            {
                db.MonthlyReflections.Add(MonthlyReflection.Write(ritual.Id, day, context.Scope.UserId, well!, nextGoal!, context.Now));
            }
            else
            {
                mine.Rewrite(well!, nextGoal!, context.Now);
            }

            return ServiceResult.Ok;
        }, cancellationToken, allowFromDayBefore: true, writesText: true);
    }

    /// <summary>
    /// The signed-in partner's short answer to "how did trying this need go?" in a monthly reflection session, open
    /// for writing when the reflection itself is. The partner sees it once both answered about that need.
    /// </summary>
    public async Task<ServiceResult> WriteNeedAnswerAsync(Guid ritualId, DateOnly day, Guid needId, string? text, CancellationToken cancellationToken = default)
    {
        if (!NeedAnswerText.TryParse(text, out var answer, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await AtOccurrenceAsync(ritualId, day, async (db, ritual, context) =>
        {
            if (!ritual.IsMonthlyReflection)
            {
                return ServiceResult.Fail(NotAReflectionMessage);
            }

            var refused = await NeedsInReflection.AnswerAsync(db, context.Scope, ritual.Id, day, needId, answer!, context.Now, cancellationToken);
            return refused is null ? ServiceResult.Ok : ServiceResult.Fail(refused);
        }, cancellationToken, allowFromDayBefore: true, writesText: true);
    }

    /// <summary>
    /// Deletes the signed-in partner's own note on an occasion, for both. Only one's own row is ever looked for, so
    /// another's id or day finds nothing; unlike writing, there is no time limit and a stopped ritual's notes count too.
    /// </summary>
    public Task<ServiceResult> DeleteNoteAsync(Guid ritualId, DateOnly day, CancellationToken cancellationToken = default) =>
        DeleteOwnAsync(
            (db, userId) => db.RitualNotes.Where(note => note.RitualId == ritualId && note.Day == day && note.AuthorId == userId),
            cancellationToken);

    /// <summary>Deletes the signed-in partner's own part of a monthly reflection, for both (as <see cref="DeleteNoteAsync"/>).</summary>
    public Task<ServiceResult> DeleteReflectionAsync(Guid ritualId, DateOnly day, CancellationToken cancellationToken = default) =>
        DeleteOwnAsync(
            (db, userId) => db.MonthlyReflections.Where(entry => entry.RitualId == ritualId && entry.Day == day && entry.AuthorId == userId),
            cancellationToken);

    private static string? WordsOf(CheckInAnswer? answer) => answer is { IsRemoved: false } ? answer.Text : null;

    private async Task<ServiceResult> DeleteOwnAsync<T>(Func<AppDbContext, string, IQueryable<T>> own, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(RitualsService.NotPaired);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        if (await own(db, scope.UserId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return ServiceResult.Fail(WordsGoneMessage);
        }

        await notifier.PublishAsync(scope.CoupleId, CoupleChange.RitualsChanged);
        return ServiceResult.Ok;
    }

    private async Task<ServiceResult> AtOccurrenceAsync(
        Guid ritualId,
        DateOnly day,
        Func<AppDbContext, Ritual, RitualContext, Task<ServiceResult>> change,
        CancellationToken cancellationToken,
        bool allowFromDayBefore = false,
        bool writesText = false)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(RitualsService.NotPaired);
        }

        // Marks are upserts on a handful of occasions, so catching up on several is never throttled; written text has
        // its own bucket, apart from creating and changing rituals.
        if (writesText && !throttle.TryAcquire("ritual-notes:" + scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var context = new RitualContext(scope, timeProvider.GetUtcNow());
        var found = await RitualContext.FindLiveRitualAsync(db, ritualId, cancellationToken);
        if (!found.Succeeded)
        {
            return ServiceResult.Fail(found.Failure!);
        }

        var ritual = found.Value!;
        var occurrence = ritual.Schedule.On(context.HomeZone, day);
        var problem = occurrence switch
        {
            null => NotAnOccurrenceMessage,
            _ when occurrence.StartsUtc > context.Now.AddDays(allowFromDayBefore ? 1 : 0) => NotYetMessage,
            _ when day < context.Today.AddDays(-RitualOutcome.MaxDaysBack) => TooLongAgoMessage,
            _ => null,
        };
        if (problem is not null)
        {
            return ServiceResult.Fail(problem);
        }

        var result = await change(db, ritual, context);
        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException conflict) when (conflict.IsUniqueViolation())
        {
            // Both partners marked the same occasion at the same moment: theirs is saved; say so rather than guess.
            return ServiceResult.Fail("Your partner just marked this too. Have a look and try again if you'd like to change it.");
        }

        await notifier.PublishAsync(scope.CoupleId, CoupleChange.RitualsChanged);
        return ServiceResult.Ok;
    }
}
