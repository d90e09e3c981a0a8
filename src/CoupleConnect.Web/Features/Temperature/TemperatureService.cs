using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Temperature;

/// <summary>
/// The weekly emotional temperature: each partner answers privately (how connected, one small gain, one wish), and
/// both see both once both answered that week (docs/adr/0041). Always scoped by <see cref="CurrentCouple"/>; the week
/// is the couple's current week, never one from the browser.
/// </summary>
public sealed class TemperatureService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "The weekly temperature starts once your partner has joined you.";
    public const string NothingToWithdrawMessage = "There's no answer of yours to take back this week.";

    /// <summary>This week and the last 12, as the signed-in person may see them, or null when unpaired.</summary>
    public async Task<TemperatureView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var weeks = TemperatureWeeks.LastWeeks(scope.HomeZone, now);
        var thisWeek = weeks[^1];
        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        // Whole rows, not columns: encrypted words decrypt only with the row they belong to (docs/adr/0017).
        var answers = await db.TemperatureAnswers.AsNoTracking()
            .Where(answer => answer.WeekOf >= weeks[0] && (answer.AuthorId == scope.UserId || answer.AuthorId == scope.PartnerId))
            .ToListAsync(cancellationToken);
        return TemperatureViews.Build(scope, answers, weeks, thisWeek, now);
    }

    /// <summary>Saves (or changes, until the week is revealed) the signed-in person's answer for this week.</summary>
    public async Task<ServiceResult> AnswerAsync(int? connected, string? gain, string? wish, CancellationToken cancellationToken = default)
    {
        if (!TemperatureWords.TryParse(connected, gain, wish, out var words, out var problem))
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, problem!));
        }

        return await ChangeAsync(async (db, scope, now) =>
        {
            var week = TemperatureWeeks.WeekAt(scope.HomeZone, now);
            var thisWeeks = await db.TemperatureAnswers.Where(answer => answer.WeekOf == week).ToListAsync(cancellationToken);
            var mine = thisWeeks.FirstOrDefault(answer => answer.AuthorId == scope.UserId);
            var partners = thisWeeks.FirstOrDefault(answer => answer.AuthorId == scope.PartnerId);
            if (mine is null)
            {
                db.TemperatureAnswers.Add(TemperatureAnswer.Write(scope.CoupleId, scope.UserId, week, words!, now, scope.HoldFromPartner(now)));
            }
            else
            {
                mine.Rewrite(scope.UserId, words!, TemperatureReveal.IsRevealed(mine, partners, now), now, scope.HoldFromPartner(now));
            }
        }, cancellationToken);
    }

    /// <summary>Takes back the signed-in person's answer this week, while the partner has not seen it.</summary>
    public Task<ServiceResult> WithdrawAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync(async (db, scope, now) =>
        {
            var week = TemperatureWeeks.WeekAt(scope.HomeZone, now);
            var thisWeeks = await db.TemperatureAnswers.Where(answer => answer.WeekOf == week).ToListAsync(cancellationToken);
            var mine = thisWeeks.FirstOrDefault(answer => answer.AuthorId == scope.UserId) ?? throw new NothingToWithdrawException();
            mine.EnsureChangeable(scope.UserId, TemperatureReveal.IsRevealed(mine, thisWeeks.FirstOrDefault(answer => answer.AuthorId == scope.PartnerId), now));
            db.TemperatureAnswers.Remove(mine);
        }, cancellationToken);

    /// <summary>Listens for the partner's answers (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    private async Task<ServiceResult> ChangeAsync(Func<AppDbContext, CoupleScope, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.NotPaired, NotPairedMessage));
        }

        if (!throttle.TryAcquire("temperature:" + scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        try
        {
            await change(db, scope, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (TemperatureRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }
        catch (NothingToWithdrawException)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, NothingToWithdrawMessage));
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Two tabs saving a first answer at once: the unique week row keeps one; the other is asked to look again.
            return ServiceResult.Fail("Your answer was just saved from another window. Have a look and change it there if you like.");
        }

        // In private mode the partner learns nothing live: not even that something was written (docs/adr/0036).
        if (!scope.IAmPrivate)
        {
            await notifier.PublishAsync(scope.CoupleId, CoupleChange.TemperatureChanged);
        }

        return ServiceResult.Ok;
    }

    private sealed class NothingToWithdrawException : Exception;
}
