using CoupleConnect.Domain.Needs;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Needs;

/// <summary>
/// Each partner's short list of needs, said kindly: written, rewritten and taken off by their author (old words stay in
/// the history), deleted for good by their author only, and tried by the partner. Always scoped by
/// <see cref="CurrentCouple"/>; ids from the page only ever select within that couple.
/// </summary>
public sealed class NeedsService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Needs start once your partner has joined you.";
    public const string GoneMessage = "That need isn't there any more.";

    /// <summary>Both lists and the history, or null when unpaired.</summary>
    public async Task<NeedsView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var needs = await db.Needs.AsNoTracking().OrderBy(need => need.CreatedAt).ThenBy(need => need.Id).ToListAsync(cancellationToken);
        var versions = await db.NeedVersions.AsNoTracking().OrderByDescending(version => version.EndedAt).ThenByDescending(version => version.Id).ToListAsync(cancellationToken);
        var revised = versions.Where(version => version.Change == NeedChange.Revised).Select(version => version.NeedId).ToHashSet();
        NeedView ToView(Need need) => new(need.Id, need.Text, need.AuthorId == scope.UserId, need.WrittenAt, need.TryingSince, revised.Contains(need.Id));
        string NameOf(string userId) => userId == scope.UserId ? scope.MyName : userId == scope.PartnerId ? scope.PartnerName : "A former partner";

        return new NeedsView(
            scope.MyName,
            scope.PartnerName,
            scope.MyZone.Value,
            [.. needs.Where(need => need.IsOnList && need.AuthorId == scope.UserId).Select(ToView)],
            [.. needs.Where(need => need.IsOnList && need.AuthorId == scope.PartnerId).Select(ToView)],
            [.. versions.Select(version => new NeedHistoryEntry(version.NeedId, version.Text, version.AuthorId == scope.UserId, NameOf(version.AuthorId), version.Change, version.EndedAt))]);
    }

    /// <summary>A new need on the signed-in partner's list. Blame wording is advised against on the page, never refused.</summary>
    public async Task<ServiceResult<Guid>> WriteAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (!NeedText.TryParse(text, out var need, out var problem))
        {
            return ServiceResult<Guid>.Fail(problem!);
        }

        var written = Guid.Empty;
        var result = await ChangeAsync(async (db, scope, now) =>
        {
            var onList = await db.Needs.CountAsync(existing => existing.AuthorId == scope.UserId && existing.TakenOffAt == null, cancellationToken);
            var created = Need.Write(scope.CoupleId, scope.UserId, need!, onList, now);
            db.Needs.Add(created);
            written = created.Id;
        }, cancellationToken);
        return result.Succeeded ? ServiceResult<Guid>.Ok(written) : ServiceResult<Guid>.Fail(result.Failure!);
    }

    /// <summary>The author rewrites their need; the old words go to the history.</summary>
    public async Task<ServiceResult> ReviseAsync(Guid needId, string? text, CancellationToken cancellationToken = default)
    {
        if (!NeedText.TryParse(text, out var need, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await WithNeedAsync(needId, (db, found, scope, now) =>
        {
            if (found.Revise(scope.UserId, need!, now) is { } old)
            {
                db.NeedVersions.Add(old);
            }
        }, cancellationToken);
    }

    /// <summary>The author takes their need off the list; its words stay in the history.</summary>
    public Task<ServiceResult> TakeOffAsync(Guid needId, CancellationToken cancellationToken = default) =>
        WithNeedAsync(needId, (db, found, scope, now) =>
        {
            if (found.TakeOff(scope.UserId, now) is { } last)
            {
                db.NeedVersions.Add(last);
            }
        }, cancellationToken);

    public Task<ServiceResult> StartTryingAsync(Guid needId, CancellationToken cancellationToken = default) =>
        WithNeedAsync(needId, (_, found, scope, now) => found.StartTrying(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> StopTryingAsync(Guid needId, CancellationToken cancellationToken = default) =>
        WithNeedAsync(needId, (_, found, scope, _) => found.StopTrying(scope.UserId), cancellationToken);

    /// <summary>
    /// The author deletes their need for good: its words, every earlier version, and the reflection answers about it
    /// (privacy beats history, ADR 0034). Only the author may, whether it is on the list or already taken off.
    /// </summary>
    public Task<ServiceResult> DeleteForGoodAsync(Guid needId, CancellationToken cancellationToken = default) =>
        WithNeedAsync(needId, (db, found, scope, _) =>
        {
            found.EnsureAuthor(scope.UserId);
            db.Needs.Remove(found); // versions and answers go with it (cascade)
        }, cancellationToken);

    /// <summary>Listens for the partner's changes to needs (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    private Task<ServiceResult> WithNeedAsync(Guid needId, Action<AppDbContext, Need, CoupleScope, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ChangeAsync(async (db, scope, now) =>
        {
            var found = await db.Needs.SingleOrDefaultAsync(need => need.Id == needId, cancellationToken) ?? throw new NeedGoneException();
            change(db, found, scope, now);
        }, cancellationToken);

    private async Task<ServiceResult> ChangeAsync(Func<AppDbContext, CoupleScope, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.NotPaired, NotPairedMessage));
        }

        // Its own bucket, so a burst of edits never eats into other features' attempts.
        if (!throttle.TryAcquire("needs:" + scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        try
        {
            await change(db, scope, timeProvider.GetUtcNow());
        }
        catch (NeedRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }
        catch (NeedGoneException)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, GoneMessage));
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            await notifier.PublishAsync(scope.CoupleId, CoupleChange.NeedsChanged);
        }

        return ServiceResult.Ok;
    }

    private sealed class NeedGoneException : Exception;
}
