using CoupleConnect.Domain.Story;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Story;

/// <summary>
/// The couple's story, written together: moments either adds, the other's "how I remember it", each changed or taken
/// back only by whoever wrote it. Always scoped by <see cref="CurrentCouple"/>; ids from the page only ever select
/// within that couple. Words written in private mode reach the partner the next morning (docs/adr/0036).
/// </summary>
public sealed class StoryService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Your story starts once your partner has joined you.";
    public const string GoneMessage = "That moment isn't there any more.";
    public const string MonthAlreadyAddedMessage = "This month is already in your story.";
    public const string MonthAlreadyAddedOrSideWrittenMessage = "That was just saved from another tap or another device. Have a look at your story.";
    public const string NoMonthWordsMessage = "Write what went well this month first: those words become the moment.";

    /// <summary>The story oldest first, or null when unpaired. The partner's words still held by private mode are left out.</summary>
    public async Task<StoryView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var moments = await db.StoryMoments.AsNoTracking()
            .Where(moment => moment.AuthorId == scope.UserId || moment.VisibleToPartnerFrom == null || moment.VisibleToPartnerFrom <= now)
            .OrderBy(moment => moment.Day).ThenBy(moment => moment.CreatedAt).ThenBy(moment => moment.Id)
            .ToListAsync(cancellationToken);
        var sides = await db.StorySides.AsNoTracking()
            .Where(side => side.AuthorId == scope.UserId || side.VisibleToPartnerFrom == null || side.VisibleToPartnerFrom <= now)
            .ToListAsync(cancellationToken);
        string NameOf(string userId) => userId == scope.UserId ? scope.MyName : userId == scope.PartnerId ? scope.PartnerName : "A former partner";

        var views = new List<MomentView>();
        foreach (var moment in moments)
        {
            var side = sides.FirstOrDefault(side => side.MomentId == moment.Id && side.AuthorId != moment.AuthorId);
            if (moment.IsRemoved && side is null)
            {
                continue; // an empty place whose side is held back from me: nothing to show
            }

            views.Add(new MomentView(
                moment.Id,
                NameOf(moment.AuthorId),
                moment.AuthorId == scope.UserId,
                moment.Title,
                moment.Day,
                moment.RoughTime,
                moment.Text,
                moment.HardTime,
                moment.IsRemoved,
                side is null ? null : new SideView(NameOf(side.AuthorId), side.AuthorId == scope.UserId, side.Text)));
        }

        return new StoryView(scope.MyName, scope.PartnerName, scope.TodayAt(now), views);
    }

    /// <summary>A new moment by the signed-in partner.</summary>
    public Task<ServiceResult<Guid>> WriteAsync(MomentForm form, CancellationToken cancellationToken = default) =>
        WriteMomentAsync(form, fromReflection: null, cancellationToken);

    /// <summary>The author rewrites their moment.</summary>
    public Task<ServiceResult> ChangeAsync(Guid momentId, MomentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return WithMomentAsync(momentId, (_, moment, scope, now) =>
        {
            moment.Change(scope.UserId, Parse(form, scope, now), now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// The author takes their moment back for good. The partner's side, if they wrote one, stays theirs: the moment is
    /// kept empty around it until they remove it too.
    /// </summary>
    public Task<ServiceResult> TakeBackAsync(Guid momentId, CancellationToken cancellationToken = default) =>
        WithMomentAsync(momentId, async (db, moment, scope, now) =>
        {
            var partnerWroteASide = await db.StorySides.AnyAsync(side => side.MomentId == moment.Id && side.AuthorId != moment.AuthorId, cancellationToken);
            if (moment.TakeBack(scope.UserId, partnerWroteASide, now))
            {
                db.StoryMoments.Remove(moment);
            }
        }, cancellationToken);

    /// <summary>The partner who did not write the moment adds (or rewrites) "how I remember it".</summary>
    public async Task<ServiceResult> WriteSideAsync(Guid momentId, string? text, CancellationToken cancellationToken = default)
    {
        if (!SideText.TryParse(text, out var side, out var problem))
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, problem!));
        }

        return await WithMomentAsync(momentId, async (db, moment, scope, now) =>
        {
            var mine = await db.StorySides.SingleOrDefaultAsync(existing => existing.MomentId == moment.Id && existing.AuthorId == scope.UserId, cancellationToken);
            if (mine is null)
            {
                db.StorySides.Add(StorySide.Write(moment, scope.UserId, side!, now, scope.HoldFromPartner(now)));
            }
            else
            {
                mine.Change(moment, scope.UserId, side!, now);
            }
        }, cancellationToken);
    }

    /// <summary>The partner removes their side for good; an emptied moment with no side left goes with it.</summary>
    public Task<ServiceResult> RemoveSideAsync(Guid momentId, CancellationToken cancellationToken = default) =>
        WithMomentAsync(momentId, async (db, moment, scope, _) =>
        {
            var mine = await db.StorySides.SingleOrDefaultAsync(side => side.MomentId == moment.Id && side.AuthorId == scope.UserId, cancellationToken)
                ?? throw new MomentGoneException();
            db.StorySides.Remove(mine);
            if (moment.IsRemoved)
            {
                db.StoryMoments.Remove(moment);
            }
        }, cancellationToken);

    /// <summary>Whether the signed-in partner already added the month of <paramref name="reflectionDay"/> to the story.</summary>
    public async Task<bool> HasMonthAsync(DateOnly reflectionDay, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return false;
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        return await db.StoryMoments.AnyAsync(moment => moment.AuthorId == scope.UserId && moment.FromReflection == reflectionDay, cancellationToken);
    }

    /// <summary>
    /// "Add this month to our story", one tap from the monthly reflection: a moment on the reflection's day whose lines
    /// are the person's own "what went well" (never the partner's). Once per person per reflection.
    /// </summary>
    public async Task<ServiceResult<Guid>> AddMonthAsync(DateOnly reflectionDay, string? ownWords, CancellationToken cancellationToken = default)
    {
        if (Domain.Common.WrittenText.IsBlank(ownWords))
        {
            return ServiceResult<Guid>.Fail(new ServiceError(ServiceErrorCode.Invalid, NoMonthWordsMessage));
        }

        var form = new MomentForm
        {
            Title = MonthTitle(reflectionDay),
            Day = reflectionDay,
            RoughTime = reflectionDay.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            Text = ownWords,
        };
        return await WriteMomentAsync(form, reflectionDay, cancellationToken);
    }

    /// <summary>The title a month added from the reflection gets.</summary>
    public static string MonthTitle(DateOnly reflectionDay) =>
        $"Our month, looking back in {reflectionDay.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Listens for the partner's changes to the story (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    private async Task<ServiceResult<Guid>> WriteMomentAsync(MomentForm form, DateOnly? fromReflection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var written = Guid.Empty;
        var result = await ChangeStoryAsync(async (db, scope, now) =>
        {
            var words = Parse(form, scope, now);
            if (fromReflection is { } day
                && await db.StoryMoments.AnyAsync(moment => moment.AuthorId == scope.UserId && moment.FromReflection == day, cancellationToken))
            {
                throw new InvalidWordsException(MonthAlreadyAddedMessage);
            }

            var moment = StoryMoment.Write(scope.CoupleId, scope.UserId, words, now, scope.HoldFromPartner(now), fromReflection);
            db.StoryMoments.Add(moment);
            written = moment.Id;
        }, cancellationToken);
        return result.Succeeded ? ServiceResult<Guid>.Ok(written) : ServiceResult<Guid>.Fail(result.Failure!);
    }

    private static MomentWords Parse(MomentForm form, CoupleScope scope, DateTimeOffset now) =>
        MomentWords.TryParse(form.Title, form.Day, form.RoughTime, form.Text, form.HardTime, scope.TodayAt(now), out var words, out var problem)
            ? words!
            : throw new InvalidWordsException(problem!);

    private Task<ServiceResult> WithMomentAsync(Guid momentId, Func<AppDbContext, StoryMoment, CoupleScope, DateTimeOffset, Task> change, CancellationToken cancellationToken) =>
        ChangeStoryAsync(async (db, scope, now) =>
        {
            var moment = await db.StoryMoments.SingleOrDefaultAsync(found => found.Id == momentId, cancellationToken) ?? throw new MomentGoneException();
            if (moment.AuthorId != scope.UserId && moment.VisibleToPartnerFrom > now)
            {
                throw new MomentGoneException(); // still held by the author's private mode: not there yet, for me
            }

            await change(db, moment, scope, now);
        }, cancellationToken);

    private async Task<ServiceResult> ChangeStoryAsync(Func<AppDbContext, CoupleScope, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.NotPaired, NotPairedMessage));
        }

        // Its own bucket, so a burst of edits never eats into other features' attempts.
        if (!throttle.TryAcquire("story:" + scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        try
        {
            await change(db, scope, timeProvider.GetUtcNow());
        }
        catch (StoryRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }
        catch (InvalidWordsException invalid)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, invalid.Message));
        }
        catch (MomentGoneException)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, GoneMessage));
        }

        if (db.ChangeTracker.HasChanges())
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException duplicate) when (duplicate.IsUniqueViolation())
            {
                // Two taps at once: the other one already saved this month or this side.
                return ServiceResult.Fail(MonthAlreadyAddedOrSideWrittenMessage);
            }

            await notifier.PublishAsync(scope.CoupleId, CoupleChange.StoryChanged);
        }

        return ServiceResult.Ok;
    }

    private sealed class MomentGoneException : Exception;

    /// <summary>Carries a problem message that is safe to show (it names the field, never the words).</summary>
    private sealed class InvalidWordsException(string message) : Exception(message);
}
