using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// The couple's rituals: list, create (from a template or blank), change, delete, and each partner's reminder.
/// Scoped by <see cref="CurrentCouple"/>; a ritual id from the page only ever selects within the signed-in couple.
/// </summary>
public sealed class RitualsService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    CoupleNotifier notifier,
    UserActionThrottle throttle,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Rituals start once your partner has joined you.";
    public const string GoneMessage = "That ritual isn't there any more.";
    public const string DeletedMessage = "That ritual was deleted; its history stays, but it can't be changed.";

    /// <summary>Not in a couple yet: pages show the kind word instead of the rituals.</summary>
    public static readonly ServiceError NotPaired = new(ServiceErrorCode.NotPaired, NotPairedMessage);

    /// <summary>No such ritual for this couple: pages show "gone", never whose it was.</summary>
    public static readonly ServiceError Gone = new(ServiceErrorCode.Gone, GoneMessage);
    public const int MaxRitualsPerCouple = 50;

    public async Task<ServiceResult<IReadOnlyList<RitualSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return ServiceResult<IReadOnlyList<RitualSummary>>.Fail(NotPaired);
        }

        var (db, context) = loaded.Value;

        await using (db)
        {
            var rituals = await db.Rituals.AsNoTracking().Where(ritual => ritual.DeletedAt == null)
                .OrderBy(ritual => ritual.CreatedAt).ToListAsync(cancellationToken);
            var outcomes = await RecentOutcomesAsync(db, rituals.Select(ritual => ritual.Id).ToList(), context, cancellationToken);
            IReadOnlyList<RitualSummary> summaries = rituals.Select(ritual => RitualViews.Summary(ritual, outcomes.GetValueOrDefault(ritual.Id, Empty), context)).ToList();
            return ServiceResult<IReadOnlyList<RitualSummary>>.Ok(summaries);
        }
    }

    /// <summary>Rituals the couple deleted, newest first: their history stays readable.</summary>
    public async Task<IReadOnlyList<StoppedRitual>> StoppedAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return [];
        }

        var (db, context) = loaded.Value;
        await using (db)
        {
            var stopped = await db.Rituals.AsNoTracking()
                .Where(ritual => ritual.DeletedAt != null)
                .OrderByDescending(ritual => ritual.DeletedAt)
                .Take(20)
                .ToListAsync(cancellationToken);
            return stopped.Select(ritual => new StoppedRitual(ritual.Id, ritual.Name, context.HomeZone.LocalDate(ritual.DeletedAt!.Value))).ToList();
        }
    }

    /// <summary>For the dashboard card: every live ritual's state, and what happens in the next seven days.</summary>
    public async Task<UpcomingRituals?> UpcomingAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var (db, context) = loaded.Value;

        await using (db)
        {
            var rituals = await db.Rituals.AsNoTracking().Where(ritual => ritual.DeletedAt == null)
                .OrderBy(ritual => ritual.CreatedAt).ToListAsync(cancellationToken);
            var outcomes = await RecentOutcomesAsync(db, rituals.Select(ritual => ritual.Id).ToList(), context, cancellationToken);
            var summaries = rituals.Select(ritual => RitualViews.Summary(ritual, outcomes.GetValueOrDefault(ritual.Id, Empty), context)).ToList();
            // At most two of each ritual, so a daily one doesn't crowd out Friday's date night.
            var week = rituals
                .SelectMany(ritual => ritual.Schedule.OccurrencesBetween(context.HomeZone, context.Now, context.Now.AddDays(7)).Take(2).Select(occurrence => RitualViews.Occurrence(ritual, occurrence, null, context)))
                .OrderBy(occurrence => occurrence.StartsUtc)
                .Take(5)
                .ToList();
            var happening = rituals
                .Select(ritual => (Ritual: ritual, Latest: ritual.Schedule.StartedBefore(context.HomeZone, context.Now).FirstOrDefault()))
                .Where(started => started.Latest is { } latest && latest.EndsUtc > context.Now)
                .Select(started => RitualViews.Occurrence(started.Ritual, started.Latest!, null, context))
                .MinBy(occurrence => occurrence.EndsUtc);
            return new UpcomingRituals(summaries, week, happening);
        }
    }

    public async Task<ServiceResult<RitualDetail>> GetAsync(Guid ritualId, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return ServiceResult<RitualDetail>.Fail(NotPaired);
        }

        var (db, context) = loaded.Value;

        await using (db)
        {
            var ritual = await db.Rituals.AsNoTracking().SingleOrDefaultAsync(ritual => ritual.Id == ritualId, cancellationToken);
            if (ritual is null)
            {
                return ServiceResult<RitualDetail>.Fail(Gone);
            }

            var outcomes = (await RecentOutcomesAsync(db, [ritual.Id], context, cancellationToken)).GetValueOrDefault(ritual.Id, Empty);
            var since = context.Today.AddDays(-RitualOutcome.MaxDaysBack);
            var notes = await db.RitualNotes.AsNoTracking().Where(note => note.RitualId == ritual.Id && note.Day >= since).ToListAsync(cancellationToken);
            var reminder = await db.RitualReminders.AsNoTracking().SingleOrDefaultAsync(reminder => reminder.RitualId == ritual.Id && reminder.UserId == context.Scope.UserId, cancellationToken)
                ?? RitualReminder.DefaultFor(ritual, context.Scope.UserId);

            var schedule = ritual.Schedule;
            var upcoming = ritual.IsDeleted ? [] : schedule.OccurrencesBetween(context.HomeZone, context.Now, context.Now.AddDays(400)).Take(5)
                .Select(occurrence => RitualViews.Occurrence(ritual, occurrence, null, context)).ToList();
            var past = schedule.StartedBefore(context.HomeZone, context.Now).TakeWhile(occurrence => occurrence.Day >= since).Take(RitualProgress.Window)
                .Select(occurrence =>
                {
                    var outcome = outcomes.GetValueOrDefault(occurrence.Day);
                    var view = RitualViews.Occurrence(ritual, occurrence, outcome, context);
                    var written = notes.Where(note => note.Day == occurrence.Day).OrderBy(note => note.UpdatedAt)
                        .Select(note => new RitualNoteView(context.NameOf(note.AuthorId), note.AuthorId == context.Scope.UserId, note.Text, note.UpdatedAt)).ToList();
                    return new PastOccurrenceView(view, outcome is null ? null : context.NameOf(outcome.MarkedById), written);
                })
                .ToList();
            return ServiceResult<RitualDetail>.Ok(new RitualDetail(
                RitualViews.Summary(ritual, outcomes, context),
                RitualInput.From(ritual),
                ritual.IsDeleted,
                upcoming,
                past,
                new ReminderChoice(reminder.IsOn, reminder.LeadMinutes, reminder.DayBefore, RitualReminder.OffersDayBefore(ritual.Repeat)),
                context.PartnerName));
        }
    }

    /// <summary>A fresh form: from a template when <paramref name="templateKey"/> names one, otherwise blank; starting today in the home zone.</summary>
    public async Task<RitualInput?> NewFormAsync(string? templateKey, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var (db, context) = loaded.Value;

        await using (db)
        {
            var template = RitualTemplates.All.FirstOrDefault(template => template.Key == templateKey);
            return template is null
                ? new RitualInput { StartDate = context.Today, Weekdays = [context.Today.DayOfWeek] }
                : RitualInput.From(template, context.Today);
        }
    }

    public async Task<ServiceResult<Guid>> CreateAsync(RitualInput input, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return ServiceResult<Guid>.Fail(NotPaired);
        }

        var (db, context) = loaded.Value;

        await using (db)
        {
            if (!throttle.TryAcquire("rituals:" + context.Scope.UserId))
            {
                return ServiceResult<Guid>.Fail(UserActionThrottle.TooManyMessage);
            }

            var parsed = Parse(input, context);
            if (!parsed.Succeeded)
            {
                return ServiceResult<Guid>.Fail(parsed.Failure!);
            }

            if (await db.Rituals.CountAsync(ritual => ritual.DeletedAt == null, cancellationToken) >= MaxRitualsPerCouple)
            {
                return ServiceResult<Guid>.Fail($"You have {MaxRitualsPerCouple} rituals already. Delete one you no longer keep before adding another.");
            }

            var (name, description, schedule) = parsed.Value!;
            var ritual = Ritual.Create(context.Scope.CoupleId, context.Scope.UserId, name, description, schedule, input.TemplateKey, context.Now);
            db.Rituals.Add(ritual);
            await RitualReminderPlanner.PlanAsync(db, ritual, context.HomeZone, context.MemberIds, context.Now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.PublishAsync(context.Scope.CoupleId, CoupleChange.RitualsChanged);
            return ServiceResult<Guid>.Ok(ritual.Id);
        }
    }

    /// <summary>Changes name, description or schedule; both partners' reminders are re-planned from now.</summary>
    public async Task<ServiceResult> ChangeAsync(Guid ritualId, RitualInput input, CancellationToken cancellationToken = default) =>
        await ModifyAsync(ritualId, async (db, ritual, context) =>
        {
            var parsed = Parse(input, context, ritual);
            if (!parsed.Succeeded)
            {
                return ServiceResult.Fail(parsed.Failure!);
            }

            var (name, description, schedule) = parsed.Value!;
            ritual.Change(name, description, schedule, context.Now);
            await RitualReminderPlanner.PlanAsync(db, ritual, context.HomeZone, context.MemberIds, context.Now, cancellationToken);
            return ServiceResult.Ok;
        }, cancellationToken);

    /// <summary>Hides the ritual and stops its reminders; its past occurrences, notes and reflections stay.</summary>
    public async Task<ServiceResult> DeleteAsync(Guid ritualId, CancellationToken cancellationToken = default) =>
        await ModifyAsync(ritualId, async (db, ritual, context) =>
        {
            ritual.Delete(context.Now);
            await RitualReminderPlanner.PlanAsync(db, ritual, context.HomeZone, context.MemberIds, context.Now, cancellationToken);
            return ServiceResult.Ok;
        }, cancellationToken);

    /// <summary>The signed-in partner's own reminder for one ritual; the partner's stays as they chose.</summary>
    public async Task<ServiceResult> SetReminderAsync(Guid ritualId, bool on, int leadMinutes, bool dayBefore, CancellationToken cancellationToken = default) =>
        await ModifyAsync(ritualId, async (db, ritual, context) =>
        {
            if (RitualReminder.ProblemWithLead(TimeSpan.FromMinutes(leadMinutes)) is { } problem)
            {
                return ServiceResult.Fail(problem);
            }

            await RitualReminderPlanner.PlanAsync(db, ritual, context.HomeZone, context.MemberIds, context.Now, cancellationToken);
            var mine = db.RitualReminders.Local.Single(reminder => reminder.RitualId == ritual.Id && reminder.UserId == context.Scope.UserId);
            mine.Change(on, TimeSpan.FromMinutes(leadMinutes), dayBefore, ritual.Repeat);
            mine.PlanAfter(ritual.Schedule, context.HomeZone, context.Now);
            return ServiceResult.Ok;
        }, cancellationToken);

    /// <summary>
    /// Turns one person's reminder for one ritual off or back on (unsubscribe and its undo: no sign-in, the signed token
    /// names them). Across couples, because no couple is signed in: the ritual must be of the couple they are in now.
    /// </summary>
    internal static async Task<bool> SwitchReminderAsync(AppDbContext db, string userId, Guid ritualId, bool on, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminder = await db.RitualReminders.AcrossCouples().SingleOrDefaultAsync(reminder => reminder.RitualId == ritualId && reminder.UserId == userId, cancellationToken);
        var ritual = await db.Rituals.AcrossCouples().SingleOrDefaultAsync(
            ritual => ritual.Id == ritualId && ritual.DeletedAt == null && db.CoupleMembers.Any(member => member.CoupleId == ritual.CoupleId && member.UserId == userId && member.LeftAt == null),
            cancellationToken);
        if (reminder is null || ritual is null)
        {
            return false;
        }

        var zone = await db.Couples.Where(couple => couple.Id == ritual.CoupleId).Select(couple => couple.HomeTimeZoneId).SingleAsync(cancellationToken);
        reminder.Change(on, reminder.Lead, reminder.DayBefore, ritual.Repeat);
        reminder.PlanAfter(ritual.Schedule, Domain.Common.TimeZoneId.ParseOrUtc(zone), now);

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Listens for the partner's ritual changes and marks (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    internal static readonly IReadOnlyDictionary<DateOnly, RitualOutcome> Empty = new Dictionary<DateOnly, RitualOutcome>();

    /// <summary>Outcomes recent enough for progress (a dozen occurrences back: at most about a year of monthly ones).</summary>
    internal static async Task<Dictionary<Guid, IReadOnlyDictionary<DateOnly, RitualOutcome>>> RecentOutcomesAsync(AppDbContext db, List<Guid> ritualIds, RitualContext context, CancellationToken cancellationToken)
    {
        var since = context.Today.AddMonths(-(RitualProgress.Window + 2));
        var outcomes = await db.RitualOutcomes.AsNoTracking().Where(outcome => ritualIds.Contains(outcome.RitualId) && outcome.Day >= since).ToListAsync(cancellationToken);
        return outcomes.GroupBy(outcome => outcome.RitualId)
            .ToDictionary(group => group.Key, group => (IReadOnlyDictionary<DateOnly, RitualOutcome>)group.ToDictionary(outcome => outcome.Day));
    }

    private async Task<ServiceResult> ModifyAsync(Guid ritualId, Func<AppDbContext, Ritual, RitualContext, Task<ServiceResult>> change, CancellationToken cancellationToken)
    {
        var loaded = await LoadContextAsync(cancellationToken);
        if (loaded is null)
        {
            return ServiceResult.Fail(NotPaired);
        }

        var (db, context) = loaded.Value;

        await using (db)
        {
            if (!throttle.TryAcquire("rituals:" + context.Scope.UserId))
            {
                return ServiceResult.Fail(UserActionThrottle.TooManyMessage);
            }

            var found = await RitualContext.FindLiveRitualAsync(db, ritualId, cancellationToken);
            if (!found.Succeeded)
            {
                return ServiceResult.Fail(found.Failure!);
            }

            var result = await change(db, found.Value!, context);
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
                await notifier.PublishAsync(context.Scope.CoupleId, CoupleChange.RitualsChanged);
            }

            return result;
        }
    }

    /// <summary>
    /// The form, checked field by field. A "once" ritual must still be to come; a changed one keeps whatever start it
    /// had (moving date night's time must not fail because it started in the past).
    /// </summary>
    private static ServiceResult<(RitualName Name, string? Description, RitualSchedule Schedule)> Parse(RitualInput input, RitualContext context, Ritual? existing = null)
    {
        if (!RitualName.TryParse(input.Name, out var name, out var problem)
            || !RitualText.TryParseDescription(input.Description, out var description, out problem)
            || !LocalTimeOfDay.TryParse(input.StartTime, out var startTime, out problem))
        {
            return ServiceResult<(RitualName, string?, RitualSchedule)>.Fail(problem!);
        }

        var startDate = input.StartDate ?? context.Today;
        if (existing is null && input.Repeat != RitualRepeat.Once && startDate < context.Today.AddDays(-RitualOutcome.MaxDaysBack))
        {
            return ServiceResult<(RitualName, string?, RitualSchedule)>.Fail($"A new ritual can start at most {RitualOutcome.MaxDaysBack} days back.");
        }

        if (startDate > context.Today.AddYears(2))
        {
            return ServiceResult<(RitualName, string?, RitualSchedule)>.Fail("Please pick a start within the next two years.");
        }

        var onceUnchanged = existing is { Repeat: RitualRepeat.Once } && input.Repeat == RitualRepeat.Once
            && existing.StartDate == startDate && existing.StartTime == startTime!.Value;
        if (!RitualSchedule.TryCreate(
                input.Repeat,
                startDate,
                startTime!,
                TimeSpan.FromMinutes(input.DurationMinutes),
                input.Weekdays,
                input.DayOfMonth,
                input.Nth,
                input.NthWeekday,
                context.HomeZone,
                onceUnchanged ? DateTimeOffset.MinValue : context.Now,
                out var schedule,
                out problem))
        {
            return ServiceResult<(RitualName, string?, RitualSchedule)>.Fail(problem!);
        }

        return ServiceResult<(RitualName, string?, RitualSchedule)>.Ok((name!, description, schedule!));
    }

    private async Task<(AppDbContext Db, RitualContext Context)?> LoadContextAsync(CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var db = await coupleDb.OpenAsync(scope, cancellationToken);
        return (db, new RitualContext(scope, timeProvider.GetUtcNow()));
    }
}
