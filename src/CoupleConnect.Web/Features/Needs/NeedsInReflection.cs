using CoupleConnect.Domain.Needs;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Needs;

/// <summary>
/// The needs part of a monthly reflection session (ritual, day): the needs being tried, and each partner's short answer
/// to "how did it go?". The reflection's own service checks the session (the couple's reflection, a real occasion, open
/// for writing) before calling here, with a context already opened for the couple.
/// </summary>
public static class NeedsInReflection
{
    public const string NotTriedMessage = "That need isn't being tried, so there's nothing to say about it here.";

    /// <summary>Needs tried now, and any already answered about in this session (so an answer never disappears).</summary>
    public static async Task<IReadOnlyList<ReflectionNeed>> LoadAsync(AppDbContext db, CoupleScope scope, Guid ritualId, DateOnly day, CancellationToken cancellationToken)
    {
        var answers = await db.NeedAnswers.AsNoTracking().Where(answer => answer.RitualId == ritualId && answer.Day == day).ToListAsync(cancellationToken);
        var answered = answers.Select(answer => answer.NeedId).Distinct().ToList();
        var needs = await db.Needs.AsNoTracking()
            .Where(need => (need.TryingSince != null && need.TakenOffAt == null) || answered.Contains(need.Id))
            .OrderBy(need => need.TryingSince).ThenBy(need => need.Id)
            .ToListAsync(cancellationToken);
        return [.. needs.Select(need =>
        {
            var mine = answers.SingleOrDefault(answer => answer.NeedId == need.Id && answer.AuthorId == scope.UserId);
            var theirs = answers.SingleOrDefault(answer => answer.NeedId == need.Id && answer.AuthorId == scope.PartnerId);
            var author = need.AuthorId == scope.UserId ? scope.MyName : need.AuthorId == scope.PartnerId ? scope.PartnerName : "A former partner";

            // As with the reflection itself: the partner's answer shows once both have answered.
            return new ReflectionNeed(need.Id, need.Text, need.AuthorId == scope.UserId, author, mine?.Text, mine is not null ? theirs?.Text : null, theirs is not null);
        })];
    }

    /// <summary>Writes (or rewrites) the signed-in partner's answer about one need being tried; null when done, else why not.</summary>
    public static async Task<string?> AnswerAsync(AppDbContext db, CoupleScope scope, Guid ritualId, DateOnly day, Guid needId, NeedAnswerText text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var need = await db.Needs.AsNoTracking().SingleOrDefaultAsync(need => need.Id == needId, cancellationToken);
        if (need is null)
        {
            return NeedsService.GoneMessage;
        }

        var mine = await db.NeedAnswers.SingleOrDefaultAsync(answer => answer.NeedId == needId && answer.RitualId == ritualId && answer.Day == day && answer.AuthorId == scope.UserId, cancellationToken);
        if (mine is not null)
        {
            mine.Rewrite(text, now);
            return null;
        }

        if (!need.IsOnList || !need.IsBeingTried)
        {
            return NotTriedMessage;
        }

        db.NeedAnswers.Add(NeedAnswer.Write(need, ritualId, day, scope.UserId, text, now));
        return null;
    }
}
