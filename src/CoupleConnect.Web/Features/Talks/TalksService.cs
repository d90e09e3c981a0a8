using System.Globalization;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Talks;

/// <summary>
/// The couple's guided talks: propose, answer, begin, take turns, end, and name one thing to try. Every action runs the
/// talk's own rules (<see cref="Talk"/>) in a context opened for the signed-in couple, so a talk id from the page only ever
/// selects among that couple's talks; the partner's open pages hear about each change at once.
/// </summary>
public sealed class TalksService(CoupleDb coupleDb, CurrentCouple currentCouple, CoupleNotifier notifier, UserActionThrottle throttle, TalkReminders reminders, TimeProvider timeProvider)
{
    public const string NotPairedMessage = "Talks start once your partner has joined you.";
    public const string GoneMessage = "That talk isn't there any more.";
    public const string MovedOnMessage = "Your partner did something in this talk at the same moment. Here's where it stands now; your words are still in the box.";
    public const string TimeNeededMessage = "Please choose a day and a time, or \"Now\".";

    public static readonly ServiceError NotPaired = new(ServiceErrorCode.NotPaired, NotPairedMessage);
    public static readonly ServiceError Gone = new(ServiceErrorCode.Gone, GoneMessage);

    public async Task<ServiceResult<IReadOnlyList<TalkSummary>>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult<IReadOnlyList<TalkSummary>>.Fail(NotPaired);
        }

        var scope = session.Scope;
        var talks = await session.Db.Talks.AsNoTracking().Include(talk => talk.Turns)
            .OrderByDescending(talk => talk.CreatedAt).Take(50).ToListAsync(cancellationToken);
        IReadOnlyList<TalkSummary> summaries = talks.Select(talk => new TalkSummary(
            talk.Id,
            TopicOf(talk),
            talk.Status,
            WhenOf(talk, scope),
            talk.TimeBoxMinutes,
            talk.Status == TalkStatus.Proposed && talk.AwaitingAnswerFromId == scope.UserId,
            talk.CompletedTurns)).ToList();
        return ServiceResult<IReadOnlyList<TalkSummary>>.Ok(summaries);
    }

    public async Task<ServiceResult<TalkView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult<TalkView>.Fail(NotPaired);
        }

        var talk = await LoadAsync(session.Db, id, tracked: false, cancellationToken);
        return talk is null || !talk.IsMember(session.Scope.UserId)
            ? ServiceResult<TalkView>.Fail(Gone)
            : ServiceResult<TalkView>.Ok(ViewOf(talk, session.Scope, timeProvider.GetUtcNow()));
    }

    /// <summary>For the dashboard: the day (in the viewer's zone) of the couple's latest talk that was held; never its topic or words.</summary>
    public async Task<DateOnly?> LastHeldOnAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var started = await session.Db.Talks.Where(talk => talk.StartedAt != null).MaxAsync(talk => talk.StartedAt, cancellationToken);
        return started is { } at ? session.Scope.MyZone.LocalDate(at) : null;
    }

    public async Task<ServiceResult<Guid>> ProposeAsync(TalkProposalForm form, Guid? followUpOfId = null, CancellationToken cancellationToken = default)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult<Guid>.Fail(NotPaired);
        }

        var scope = session.Scope;
        if (!throttle.TryAcquire(scope.UserId))
        {
            return ServiceResult<Guid>.Fail(UserActionThrottle.TooManyMessage);
        }

        if (!TalkText.TryParseTopic(form.Topic, out var topic, out var problem))
        {
            return ServiceResult<Guid>.Fail(new ServiceError(ServiceErrorCode.Invalid, problem!));
        }

        if (StartsAt(form.Now, form.Day, form.Time, scope) is not { } starts)
        {
            return ServiceResult<Guid>.Fail(new ServiceError(ServiceErrorCode.Invalid, TimeNeededMessage));
        }

        // A follow-up names a talk of this couple only (the filter hides any other).
        var followUp = followUpOfId is { } earlier && await session.Db.Talks.AnyAsync(talk => talk.Id == earlier, cancellationToken) ? followUpOfId : null;
        try
        {
            var talk = Talk.Propose(scope.CoupleId, scope.UserId, scope.PartnerId, topic!, form.TimeBoxMinutes, starts.Value, timeProvider.GetUtcNow(), followUp);
            session.Db.Talks.Add(talk);
            await session.Db.SaveChangesAsync(cancellationToken);
            await notifier.PublishAsync(scope.CoupleId, CoupleChange.TalksChanged);
            return ServiceResult<Guid>.Ok(talk.Id);
        }
        catch (TalkRuleException refused)
        {
            return ServiceResult<Guid>.Fail(new ServiceError(ServiceErrorCode.Invalid, refused.Message));
        }
    }

    public Task<ServiceResult> AcceptAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.Accept(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> SuggestTimeAsync(Guid id, bool now, string? day, string? time, CancellationToken cancellationToken = default) =>
        ActAsync(
            id,
            (talk, scope, at) => talk.SuggestTime(scope.UserId, (StartsAt(now, day, time, scope) ?? throw new TalkRuleException(TalkRule.StartTimeInThePast)).Value, at),
            cancellationToken);

    public Task<ServiceResult> DeclineAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.Decline(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> BeginAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.Begin(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> SpeakAsync(Guid id, string? said, CancellationToken cancellationToken = default) =>
        WithText(said, TalkText.SaidMaxLength, "words", text => ActAsync(id, (talk, scope, now) => talk.Speak(scope.UserId, text, now), cancellationToken));

    public Task<ServiceResult> ReflectAsync(Guid id, string? reflection, CancellationToken cancellationToken = default) =>
        WithText(reflection, TalkText.ReflectionMaxLength, "reflection", text => ActAsync(id, (talk, scope, now) => talk.Reflect(scope.UserId, text, now), cancellationToken));

    public Task<ServiceResult> AnswerAsync(Guid id, ReflectionVerdict verdict, string? clarification, CancellationToken cancellationToken = default)
    {
        if (verdict == ReflectionVerdict.NotQuite && !string.IsNullOrWhiteSpace(clarification))
        {
            return WithText(clarification, TalkText.ClarificationMaxLength, "note", text => ActAsync(id, (talk, scope, now) => talk.Answer(scope.UserId, verdict, text, now), cancellationToken));
        }

        return ActAsync(id, (talk, scope, now) => talk.Answer(scope.UserId, verdict, null, now), cancellationToken);
    }

    public Task<ServiceResult> EndAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.End(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> NameNextStepAsync(Guid id, string? thing, CancellationToken cancellationToken = default) =>
        WithText(thing, TalkText.NextStepMaxLength, "one thing to try", text => ActAsync(id, (talk, scope, now) => talk.NameNextStep(scope.UserId, text, now), cancellationToken));

    public Task<ServiceResult> RemoveNextStepAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.RemoveNextStep(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> RemoveWordsAsync(Guid id, Guid turnId, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.RemoveWords(scope.UserId, turnId, now), cancellationToken);

    public Task<ServiceResult> RemoveTopicAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (talk, scope, now) => talk.RemoveTopic(scope.UserId, now), cancellationToken);

    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    internal static string TopicOf(Talk talk) => talk.Topic ?? "A talk";

    private static string WhenOf(Talk talk, CoupleScope scope) => talk switch
    {
        { StartedAt: { } started } => TalkTimes.Describe(started, scope.MyZone, scope.MyZone, scope.PartnerName),
        { StartsAt: { } starts } => TalkTimes.Describe(starts, scope.MyZone, scope.PartnerZone, scope.PartnerName),
        _ => "Now, once you both say yes",
    };

    /// <summary>Now, or a local date and time in the proposer's own zone; null when neither was given.</summary>
    private static DateTimeOffset? StartsAtOrNull(string? day, string? time, CoupleScope scope) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && ClockText.TryReadInput(time, out var clock)
            ? TalkTimes.At(scope.MyZone, date, clock)
            : null;

    /// <summary>The start chosen: "now" (a start with no time) or a time; null when neither was given.</summary>
    private static StartChoice? StartsAt(bool now, string? day, string? time, CoupleScope scope) =>
        now ? new StartChoice(null) : StartsAtOrNull(day, time, scope) is { } at ? new StartChoice(at) : null;

    private sealed record StartChoice(DateTimeOffset? Value);

    private static TalkView ViewOf(Talk talk, CoupleScope scope, DateTimeOffset now)
    {
        var me = scope.UserId;
        var (step, actor) = talk.NextMove(now);
        string NameOf(string id) => id == me ? scope.MyName : scope.PartnerName;
        return new TalkView(
            talk.Id,
            TopicOf(talk),
            talk.Topic is null,
            talk.ProposedById == me,
            scope.MyName,
            scope.PartnerName,
            talk.Status,
            talk.TimeBoxMinutes,
            WhenOf(talk, scope),
            talk.StartsAt is null,
            talk.Status == TalkStatus.Proposed && talk.AwaitingAnswerFromId == me,
            talk.CanBegin(now),
            step,
            actor == me,
            talk.TimeLeft(now),
            talk.EndsAt,
            talk.CompletedTurns,
            talk.Turns.OrderBy(turn => turn.Number).Select(turn => new TurnView(
                turn.Id, turn.Number, turn.SpeakerId == me, NameOf(turn.SpeakerId), NameOf(turn.ListenerId), turn.Said, turn.Reflection, turn.ReflectionRemoved,
                turn.Verdict, turn.Clarification, turn.NotQuiteCount)).ToList(),
            talk.NextSteps.FirstOrDefault(step => step.AuthorId == me)?.Text,
            talk.NextSteps.FirstOrDefault(step => step.AuthorId != me)?.Text,
            talk.EndedById == me,
            talk.FollowUpOfId);
    }

    private static async Task<Talk?> LoadAsync(AppDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var talks = db.Talks.Include(talk => talk.Turns).Include(talk => talk.NextSteps).AsSplitQuery();
        return await (tracked ? talks : talks.AsNoTracking()).SingleOrDefaultAsync(talk => talk.Id == id, cancellationToken);
    }

    private static Task<ServiceResult> WithText(string? value, int maxLength, string what, Func<TalkText, Task<ServiceResult>> then) =>
        TalkText.TryParse(value, maxLength, what, out var text, out var problem)
            ? then(text!)
            : Task.FromResult(ServiceResult.Fail(new ServiceError(ServiceErrorCode.Invalid, problem!)));

    /// <summary>Loads the couple's talk, applies one of its rules, saves and tells the partner's open pages.</summary>
    private async Task<ServiceResult> ActAsync(Guid id, Action<Talk, CoupleScope, DateTimeOffset> act, CancellationToken cancellationToken)
    {
        await using var session = await coupleDb.OpenAsync(cancellationToken);
        if (session is null)
        {
            return ServiceResult.Fail(NotPaired);
        }

        var talk = await LoadAsync(session.Db, id, tracked: true, cancellationToken);
        if (talk is null || !talk.IsMember(session.Scope.UserId))
        {
            return ServiceResult.Fail(Gone);
        }

        var wasScheduled = talk.Status == TalkStatus.Scheduled;
        try
        {
            act(talk, session.Scope, timeProvider.GetUtcNow());
            await session.Db.SaveChangesAsync(cancellationToken);
        }
        catch (TalkRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }
        catch (DbUpdateException conflict) when (conflict is DbUpdateConcurrencyException || conflict.IsUniqueViolation())
        {
            await notifier.PublishAsync(session.Scope.CoupleId, CoupleChange.TalksChanged);
            return ServiceResult.Fail(MovedOnMessage);
        }

        if (!wasScheduled && talk.Status == TalkStatus.Scheduled)
        {
            await reminders.QueueAsync(talk, session.Scope, cancellationToken);
        }

        await notifier.PublishAsync(session.Scope.CoupleId, CoupleChange.TalksChanged);
        return ServiceResult.Ok;
    }
}
