using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.TimeOuts;

/// <summary>How the caller chose the return time: a quick pick, or a day and time on their own clock.</summary>
public sealed record TimeOutReturnChoice(TimeOutQuickPick? Pick, DateTime? CustomLocal);

/// <summary>
/// A couple's time-outs (docs/adr/0032): call one, extend it once, end it early, say you're ready, and a private note
/// only its writer sees. Scoped to the signed-in couple; the page sends no ids but a time-out's, looked up in that couple.
/// Every change tells both partners' open pages at once and queues its emails through the reminder outbox.
/// </summary>
public sealed class TimeOutService(CoupleDb coupleDb, CoupleNotifier notifier, TimeOutReminders reminders, UserActionThrottle throttle, TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Time-outs are for two: they start once your partner has joined you.";
    public const string AlreadyRunningMessage = "A time-out is already running. You can extend it once, or end it early if you feel calm now.";
    public const string NoTimeOutMessage = "There is no time-out running right now.";
    public const string ChooseTimeMessage = "Please choose when to come back: a quick pick or a time of your own.";

    public static readonly ServiceError NotPaired = new(ServiceErrorCode.NotPaired, NotPairedMessage);

    private static readonly TimeOutQuickPick[] ExtendPicks = [TimeOutQuickPick.OneHour, TimeOutQuickPick.ThisEvening, TimeOutQuickPick.TomorrowMorning];

    public async Task<ServiceResult<TimeOutPageData>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult<TimeOutPageData>.Fail(NotPaired);
        }

        var scope = session.Scope;
        var now = timeProvider.GetUtcNow();
        var current = await CurrentAsync(session.Db, now, cancellationToken);
        // The whole row: its text decrypts bound to it (docs/adr/0017).
        var note = current is null ? null : (await session.Db.TimeOutNotes.AsNoTracking()
            .SingleOrDefaultAsync(row => row.TimeOutId == current.Id && row.AuthorId == scope.UserId, cancellationToken))?.Text;
        var calledAt = await session.Db.TimeOuts.AsNoTracking().OrderByDescending(row => row.CalledAt).Take(500).Select(row => row.CalledAt).ToListAsync(cancellationToken);
        var history = TimeOutHistory.ByMonth(calledAt.Select(scope.HomeZone.LocalDate));
        return ServiceResult<TimeOutPageData>.Ok(new TimeOutPageData(scope.MyName, scope.PartnerName, current is null ? null : View(current, note, scope, now), Start(scope, now), history));
    }

    /// <summary>For the banner in the layout: the current time-out, if any, in the fewest words.</summary>
    public async Task<TimeOutBannerView?> BannerAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var current = await CurrentAsync(session.Db, now, cancellationToken);
        var phase = current?.PhaseAt(now);
        return current is null || phase == TimeOutPhase.BothReady
            ? null
            : new TimeOutBannerView(phase!.Value, current.CalledById == session.Scope.UserId, session.Scope.PartnerName, TimeOutViews.When(current.ReturnAt, session.Scope.MyZone, now));
    }

    public async Task<ServiceResult> CallAsync(TimeOutReturnChoice choice, CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult.Fail(NotPaired);
        }

        var scope = session.Scope;
        if (!throttle.TryAcquire("time-outs:" + scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        var now = timeProvider.GetUtcNow();
        if (await CurrentAsync(session.Db, now, cancellationToken) is { } current && current.PhaseAt(now) == TimeOutPhase.Running)
        {
            return ServiceResult.Fail(AlreadyRunningMessage);
        }

        if (ReturnAtFor(choice, scope.MyZone, now) is not { } returnAt)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, ChooseTimeMessage));
        }

        if (TimeOutBounds.ProblemWith(now, returnAt) is { } problem)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, problem));
        }

        var timeOut = TimeOut.Call(scope.CoupleId, scope.UserId, now, returnAt);
        session.Db.TimeOuts.Add(timeOut);
        await session.Db.SaveChangesAsync(cancellationToken);
        await reminders.QueueCalledAsync(timeOut, scope, now, cancellationToken);
        await notifier.PublishAsync(scope.CoupleId, CoupleChange.TimeOutChanged);
        return ServiceResult.Ok;
    }

    public Task<ServiceResult> ExtendAsync(Guid timeOutId, TimeOutReturnChoice choice, CancellationToken cancellationToken = default) =>
        ChangeAsync(timeOutId, (timeOut, scope, now) =>
        {
            var returnAt = ReturnAtFor(choice, scope.MyZone, now, timeOut.ReturnAt) ?? throw new TimeOutRuleException(ChooseTimeMessage);
            timeOut.Extend(returnAt, now);
        }, (timeOut, scope, cancel) => reminders.QueueExtendedAsync(timeOut, scope, cancel), cancellationToken);

    public Task<ServiceResult> EndEarlyAsync(Guid timeOutId, CancellationToken cancellationToken = default) =>
        ChangeAsync(timeOutId, (timeOut, _, now) => timeOut.EndEarly(now), null, cancellationToken);

    public Task<ServiceResult> MarkReadyAsync(Guid timeOutId, CancellationToken cancellationToken = default) =>
        ChangeAsync(timeOutId, (timeOut, scope, now) => timeOut.MarkReady(scope.UserId, now), null, cancellationToken);

    /// <summary>Writes (or rewrites) my private note on this time-out. Tells nobody: the partner never learns it exists.</summary>
    public async Task<ServiceResult> SaveNoteAsync(Guid timeOutId, string? text, CancellationToken cancellationToken = default)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (WrittenText.ProblemWith(trimmed, TimeOutNote.MaxLength, "note") is { } problem)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, problem));
        }

        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult.Fail(NotPaired);
        }

        var now = timeProvider.GetUtcNow();
        if (!await session.Db.TimeOuts.AnyAsync(row => row.Id == timeOutId, cancellationToken))
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, NoTimeOutMessage));
        }

        var note = await session.Db.TimeOutNotes.SingleOrDefaultAsync(row => row.TimeOutId == timeOutId && row.AuthorId == session.Scope.UserId, cancellationToken);
        if (note is null)
        {
            session.Db.TimeOutNotes.Add(TimeOutNote.Write(timeOutId, session.Scope.CoupleId, session.Scope.UserId, trimmed, now));
        }
        else
        {
            note.Rewrite(trimmed, now);
        }

        await session.Db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> DeleteNoteAsync(Guid timeOutId, CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult.Fail(NotPaired);
        }

        await session.Db.TimeOutNotes.Where(row => row.TimeOutId == timeOutId && row.AuthorId == session.Scope.UserId).ExecuteDeleteAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> listener, CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        return session is null ? null : notifier.Subscribe(session.Scope.CoupleId, listener);
    }

    /// <summary>The return time a choice means on the caller's own clock, or null when nothing (or a pick not offered now) was chosen.</summary>
    public static DateTimeOffset? ReturnAtFor(TimeOutReturnChoice choice, TimeZoneId zone, DateTimeOffset now, DateTimeOffset? extending = null) => choice switch
    {
        { Pick: TimeOutQuickPick.OneHour } when extending is { } current => current + TimeSpan.FromHours(1),
        { Pick: { } pick } => TimeOutQuickPicks.ReturnAt(pick, now, zone),
        { CustomLocal: { } local } => TimeOutCustomTime.ReturnAt(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone),
        _ => null,
    };

    private static async Task<TimeOut?> CurrentAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A current time-out ended less than a day ago, so it was called less than two days ago.
        var since = now - TimeOutBounds.Longest - TimeOut.ReadyWindow;
        var latest = await db.TimeOuts.Where(row => row.CalledAt > since).OrderByDescending(row => row.CalledAt).FirstOrDefaultAsync(cancellationToken);
        return latest is not null && latest.IsCurrentAt(now) ? latest : null;
    }

    private async Task<ServiceResult> ChangeAsync(
        Guid timeOutId,
        Action<TimeOut, CoupleScope, DateTimeOffset> change,
        Func<TimeOut, CoupleScope, CancellationToken, Task<int>>? afterSave,
        CancellationToken cancellationToken)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult.Fail(NotPaired);
        }

        if (!throttle.TryAcquire("time-outs:" + session.Scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        var now = timeProvider.GetUtcNow();
        var timeOut = await session.Db.TimeOuts.SingleOrDefaultAsync(row => row.Id == timeOutId, cancellationToken);
        if (timeOut is null || !timeOut.IsCurrentAt(now))
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, NoTimeOutMessage));
        }

        try
        {
            change(timeOut, session.Scope, now);
        }
        catch (TimeOutRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        await session.Db.SaveChangesAsync(cancellationToken);
        if (afterSave is not null)
        {
            await afterSave(timeOut, session.Scope, cancellationToken);
        }

        await notifier.PublishAsync(session.Scope.CoupleId, CoupleChange.TimeOutChanged);
        return ServiceResult.Ok;
    }

    private static TimeOutStart Start(CoupleScope scope, DateTimeOffset now) => new(
        [.. TimeOutQuickPicks.For(now, scope.MyZone).Select(choice => PickView(choice, scope, now))],
        TimeOutViews.Local(TimeOutBounds.EarliestReturn(now), scope.MyZone),
        TimeOutViews.Local(TimeOutBounds.LatestReturn(now), scope.MyZone));

    private static TimeOutPickView PickView(TimeOutChoice choice, CoupleScope scope, DateTimeOffset now) =>
        new(choice.Pick, choice.Label, choice.ReturnAt is { } at ? TimeOutViews.Both(at, scope.MyZone, scope.PartnerZone, scope.PartnerName, now) : null, choice.NotNow);

    private static TimeOutView View(TimeOut timeOut, string? note, CoupleScope scope, DateTimeOffset now)
    {
        // "1 hour more" counts from the current return time; the evening and the morning are clock times, offered when later.
        var extendPicks = ExtendPicks
            .Select(pick => pick == TimeOutQuickPick.OneHour
                ? new TimeOutChoice(pick, "1 hour more", timeOut.ReturnAt + TimeSpan.FromHours(1), null)
                : new TimeOutChoice(pick, TimeOutQuickPicks.LabelOf(pick), TimeOutQuickPicks.ReturnAt(pick, now, scope.MyZone), null))
            .Where(choice => choice.ReturnAt is { } at && at > timeOut.ReturnAt && TimeOutBounds.ProblemWith(timeOut.CalledAt, at) is null)
            .Select(choice => PickView(choice, scope, now))
            .ToList();
        return new TimeOutView(
            timeOut.Id,
            timeOut.PhaseAt(now),
            timeOut.CalledById == scope.UserId,
            TimeOutViews.Both(timeOut.EndsAt, scope.MyZone, scope.PartnerZone, scope.PartnerName, now),
            timeOut.EndsAt,
            timeOut.CanExtendAt(now),
            timeOut.EndedEarlyAt is not null,
            timeOut.IsReady(scope.UserId),
            timeOut.IsReady(scope.PartnerId),
            note,
            extendPicks,
            TimeOutViews.Local(TimeOutBounds.LatestReturn(timeOut.CalledAt), scope.MyZone));
    }
}
