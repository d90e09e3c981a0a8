using CoupleConnect.Domain.Goals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Goals;

/// <summary>
/// The couple's shared goals: set, changed, kept, finished or let go by either partner, with check-ins (progress notes)
/// by either. Always scoped by <see cref="CurrentCouple"/>; ids from the page only ever select within that couple.
/// </summary>
public sealed class GoalsService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Goals start once your partner has joined you.";
    public const string GoneMessage = "That goal isn't there any more.";
    public const string NoteGoneMessage = "That check-in isn't there any more.";

    /// <summary>The active goals and the history, or null when unpaired.</summary>
    public async Task<GoalsView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var goals = await db.Goals.AsNoTracking().OrderBy(goal => goal.CreatedAt).ThenBy(goal => goal.Id).ToListAsync(cancellationToken);
        var notes = await db.GoalNotes.AsNoTracking().SeenBy(scope.UserId, now)
            .OrderBy(note => note.CreatedAt).ThenBy(note => note.Id).ToListAsync(cancellationToken);
        var views = goals.Select(goal => ToView(goal, notes.Where(note => note.GoalId == goal.Id).ToList(), scope, now)).ToList();
        return new GoalsView(
            scope.PartnerName,
            [.. views.Where(goal => goal.IsActive)],
            [.. views.Where(goal => !goal.IsActive).OrderByDescending(goal => goal.EndedOn).ThenByDescending(goal => goal.SetOn)]);
    }

    /// <summary>A new shared goal, if the couple has fewer than <see cref="Goal.MaxActive"/> active ones.</summary>
    public async Task<ServiceResult<Guid>> SetAsync(GoalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Parse(input) is { } problem)
        {
            return ServiceResult<Guid>.Fail(problem);
        }

        var set = Guid.Empty;
        var result = await ChangeAsync(async (db, scope, now) =>
        {
            // Both partners may add at the same moment: the couple's row is locked so the count stays true.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM couples WHERE id = {scope.CoupleId} FOR UPDATE", cancellationToken);
            var active = await db.Goals.CountAsync(goal => goal.Status == GoalStatus.Active, cancellationToken);
            var goal = Goal.Set(scope.CoupleId, scope.UserId, Name(input), Why(input), input.Rhythm, active, now);
            db.Goals.Add(goal);
            set = goal.Id;
        }, cancellationToken, inTransaction: true);
        return result.Succeeded ? ServiceResult<Guid>.Ok(set) : ServiceResult<Guid>.Fail(result.Failure!);
    }

    /// <summary>Either partner changes the goal's words or rhythm ("change" at the monthly reflection, or any time).</summary>
    public Task<ServiceResult> ChangeAsync(Guid goalId, GoalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parse(input) is { } problem
            ? Task.FromResult(ServiceResult.Fail(problem))
            : WithGoalAsync(goalId, (_, goal, scope, now) => goal.Change(scope.UserId, Name(input), Why(input), input.Rhythm, now), cancellationToken);
    }

    public Task<ServiceResult> KeepAsync(Guid goalId, CancellationToken cancellationToken = default) =>
        WithGoalAsync(goalId, (_, goal, _, now) => goal.Keep(now), cancellationToken);

    public Task<ServiceResult> LetGoAsync(Guid goalId, CancellationToken cancellationToken = default) =>
        WithGoalAsync(goalId, (_, goal, scope, now) => goal.LetGo(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> MarkDoneAsync(Guid goalId, CancellationToken cancellationToken = default) =>
        WithGoalAsync(goalId, (_, goal, scope, now) => goal.MarkDone(scope.UserId, now), cancellationToken);

    /// <summary>A check-in: how the goal is going, in the signed-in partner's words (held until morning in private mode).</summary>
    public async Task<ServiceResult> CheckInAsync(Guid goalId, string? text, CancellationToken cancellationToken = default)
    {
        if (!GoalNoteText.TryParse(text, out var note, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await WithGoalAsync(goalId, (db, goal, scope, now) => db.GoalNotes.Add(GoalNote.Write(goal, scope.UserId, note!, scope.HoldFromPartner(now), now)), cancellationToken);
    }

    /// <summary>The author deletes their own check-in, for both, everywhere (docs/adr/0035). Anyone else's changes nothing.</summary>
    public Task<ServiceResult> DeleteNoteAsync(Guid noteId, CancellationToken cancellationToken = default) =>
        ChangeAsync(async (db, scope, _) =>
        {
            var note = await db.GoalNotes.SingleOrDefaultAsync(note => note.Id == noteId, cancellationToken) ?? throw new GoneException(NoteGoneMessage);
            note.EnsureDeletableBy(scope.UserId);
            db.GoalNotes.Remove(note);
        }, cancellationToken);

    /// <summary>Listens for the partner's changes to goals (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    internal static GoalView ToView(Goal goal, IReadOnlyList<GoalNote> notes, CoupleScope scope, DateTimeOffset now)
    {
        string NameOf(string userId) => userId == scope.UserId ? scope.MyName : userId == scope.PartnerId ? scope.PartnerName : "A former partner";
        DateOnly Day(DateTimeOffset at) => scope.HomeZone.LocalDate(at);
        var lastCheckIn = notes.Count > 0 ? notes.Max(note => note.CreatedAt) : goal.CreatedAt;
        return new GoalView(
            goal.Id,
            goal.Name,
            goal.Why,
            goal.Rhythm,
            goal.Status,
            Day(goal.CreatedAt),
            NameOf(goal.SetById),
            goal.KeptAt is { } kept ? Day(kept) : null,
            goal.EndedAt is { } ended ? Day(ended) : null,
            goal.IsActive && CheckInRhythm.IsDue(goal.Rhythm, Day(lastCheckIn), Day(now)),
            [.. notes.Select(note => new GoalNoteView(note.Id, note.Text, note.AuthorId == scope.UserId, NameOf(note.AuthorId), Day(note.CreatedAt)))]);
    }

    private static string? Parse(GoalInput input)
    {
        if (!Enum.IsDefined(input.Rhythm))
        {
            return GoalRuleException.MessageFor(GoalRule.UnknownRhythm);
        }

        return !GoalName.TryParse(input.Name, out _, out var nameProblem) ? nameProblem
            : !GoalWhy.TryParseOptional(input.Why, out _, out var whyProblem) ? whyProblem
            : null;
    }

    private static GoalName Name(GoalInput input) => GoalName.TryParse(input.Name, out var name, out _) ? name! : throw new InvalidOperationException("Parse first.");

    private static GoalWhy? Why(GoalInput input) => GoalWhy.TryParseOptional(input.Why, out var why, out _) ? why : throw new InvalidOperationException("Parse first.");

    private Task<ServiceResult> WithGoalAsync(Guid goalId, Action<AppDbContext, Goal, CoupleScope, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ChangeAsync(async (db, scope, now) =>
        {
            var goal = await db.Goals.SingleOrDefaultAsync(goal => goal.Id == goalId, cancellationToken) ?? throw new GoneException(GoneMessage);
            change(db, goal, scope, now);
        }, cancellationToken);

    private async Task<ServiceResult> ChangeAsync(Func<AppDbContext, CoupleScope, DateTimeOffset, Task> change, CancellationToken cancellationToken, bool inTransaction = false)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.NotPaired, NotPairedMessage));
        }

        // Its own bucket, so a burst of check-ins never eats into other features' attempts.
        if (!throttle.TryAcquire("goals:" + scope.UserId))
        {
            return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
        }

        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await change(db, scope, timeProvider.GetUtcNow());
        }
        catch (GoalRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }
        catch (GoneException gone)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, gone.Message));
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            await notifier.PublishAsync(scope.CoupleId, CoupleChange.GoalsChanged);
        }

        return ServiceResult.Ok;
    }

    private sealed class GoneException(string message) : Exception(message);
}
