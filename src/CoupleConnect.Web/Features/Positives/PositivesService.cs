using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>
/// Small positives and tonight's gratitude for the signed-in partner's couple: logged about the partner, acknowledged
/// by the partner they are about. Always scoped by <see cref="CurrentCouple"/>; ids from the page only ever select
/// within that couple.
/// </summary>
public sealed class PositivesService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Positives start once your partner has joined you.";
    public const string GoneMessage = "That entry isn't there any more.";

    public async Task<ServiceResult<PositiveView>> LogAsync(PositiveInput input, CancellationToken cancellationToken = default)
    {
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return ServiceResult<PositiveView>.Fail(PositiveRuleException.MessageFor(PositiveRule.UnknownKind));
        }

        if (!PositiveNote.TryParseOptional(input.Note, "note", out var note, out var problem))
        {
            return ServiceResult<PositiveView>.Fail(problem!);
        }

        return await AddAsync((scope, today, now) => Positive.Log(scope.CoupleId, scope.UserId, scope.PartnerId, kind, note, input.Day ?? today, today, now), cancellationToken);
    }

    /// <summary>Tonight's "one thing you appreciated about them today".</summary>
    public async Task<ServiceResult<PositiveView>> WriteGratitudeAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (!PositiveNote.TryParse(text, "note of thanks", out var note, out var problem))
        {
            return ServiceResult<PositiveView>.Fail(problem!);
        }

        return await AddAsync((scope, today, now) => Positive.Gratitude(scope.CoupleId, scope.UserId, scope.PartnerId, note!, today, now), cancellationToken);
    }

    public async Task<ServiceResult> AcknowledgeAsync(Guid positiveId, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(NotPairedMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var positive = await db.Positives.SeenBy(scope.UserId, timeProvider.GetUtcNow()).SingleOrDefaultAsync(positive => positive.Id == positiveId, cancellationToken);
        if (positive is null)
        {
            return ServiceResult.Fail(GoneMessage);
        }

        var wasAcknowledged = positive.IsAcknowledged;
        try
        {
            positive.Acknowledge(scope.UserId, timeProvider.GetUtcNow());
        }
        catch (PositiveRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        if (!wasAcknowledged)
        {
            await db.SaveChangesAsync(cancellationToken);
            await notifier.PublishAsync(scope.CoupleId, CoupleChange.PositiveAcknowledged);
        }

        return ServiceResult.Ok;
    }

    /// <summary>
    /// Deletes a positive or note of thanks the signed-in partner wrote, for both: it leaves every page, count, download
    /// and archive (docs/adr/0035). Someone else's entry, or an id from another couple, changes nothing.
    /// </summary>
    public async Task<ServiceResult> DeleteAsync(Guid positiveId, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(NotPairedMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var positive = await db.Positives.SingleOrDefaultAsync(positive => positive.Id == positiveId, cancellationToken);
        if (positive is null)
        {
            return ServiceResult.Fail(GoneMessage);
        }

        try
        {
            positive.EnsureDeletableBy(scope.UserId);
        }
        catch (PositiveRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        // One statement, so two tabs deleting at once both simply succeed.
        await db.Positives.Where(row => row.Id == positive.Id && row.AuthorId == scope.UserId).ExecuteDeleteAsync(cancellationToken);
        await notifier.PublishAsync(scope.CoupleId, CoupleChange.PositiveLogged);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// All the couple's positives and gratitude, newest first, filtered by who wrote them and their kind: the positives
    /// page. <paramref name="take"/> at a time; null when unpaired.
    /// </summary>
    public async Task<PositiveList?> ListAsync(PositiveAuthor who, PositiveKindChoice kind, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var query = db.Positives.AsNoTracking().SeenBy(scope.UserId, timeProvider.GetUtcNow());
        query = who switch
        {
            PositiveAuthor.Me => query.Where(positive => positive.AuthorId == scope.UserId),
            PositiveAuthor.Partner => query.Where(positive => positive.AuthorId == scope.PartnerId),
            _ => query,
        };
        if (kind.EveningGratitude)
        {
            query = query.Where(positive => positive.IsEveningGratitude);
        }
        else if (kind.Kind is { } only)
        {
            query = query.Where(positive => !positive.IsEveningGratitude && positive.Kind == only);
        }

        var rows = await query
            .OrderByDescending(positive => positive.CreatedAt)
            .ThenByDescending(positive => positive.Id)
            .Take(Math.Clamp(take, 1, MaxListed) + 1)
            .ToListAsync(cancellationToken);
        var shown = rows.Take(Math.Clamp(take, 1, MaxListed)).Select(positive => ToView(positive, scope.UserId)).ToList();
        return new PositiveList(scope.PartnerName, scope.TodayAt(timeProvider.GetUtcNow()), shown, rows.Count > shown.Count);
    }

    /// <summary>The most one page asks for at once, however many "Show more" taps came before.</summary>
    public const int MaxListed = 500;

    /// <summary>Has the signed-in partner written tonight's gratitude (their own evening, docs/adr/0024)?</summary>
    public async Task<bool> WroteGratitudeTodayAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return false;
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var tonight = GratitudeTonight.Now(scope.MyZone, timeProvider.GetUtcNow());
        return (await ThankedTonight.WhoAsync(db, [new TonightsWriter(scope.CoupleId, scope.UserId, tonight)], cancellationToken)).Count > 0;
    }

    /// <summary>Listens for the partner's positives and acknowledgements (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    private async Task<ServiceResult<PositiveView>> AddAsync(Func<CoupleScope, DateOnly, DateTimeOffset, Positive> create, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult<PositiveView>.Fail(NotPairedMessage);
        }

        // Its own bucket, so logging a burst of positives never eats into pairing's attempts.
        if (!throttle.TryAcquire("positives:" + scope.UserId))
        {
            return ServiceResult<PositiveView>.Fail(UserActionThrottle.TooManyMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var today = scope.TodayAt(timeProvider.GetUtcNow());
        Positive positive;
        try
        {
            positive = create(scope, today, timeProvider.GetUtcNow());
        }
        catch (PositiveRuleException refused)
        {
            return ServiceResult<PositiveView>.Fail(refused.Message);
        }

        db.Positives.Add(positive.HeldFromPartnerUntil(scope.HoldFromPartner(timeProvider.GetUtcNow())));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(scope.CoupleId, CoupleChange.PositiveLogged);
        return ServiceResult<PositiveView>.Ok(ToView(positive, scope.UserId));
    }

    /// <summary>The entry for <paramref name="userId"/>; of the partner's written in private mode only the day is told, never the time.</summary>
    internal static PositiveView ToView(Positive positive, string userId)
    {
        var byMe = positive.AuthorId == userId;
        var writtenAt = byMe || positive.VisibleToPartnerFrom is null ? positive.CreatedAt : new DateTimeOffset(positive.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new(positive.Id, positive.Kind, positive.Note, positive.Day, positive.IsEveningGratitude, byMe, writtenAt, positive.AcknowledgedAt, positive.HeartOnQuestionOf);
    }
}
