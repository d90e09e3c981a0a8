using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>
/// The daily question for the signed-in partner's couple: chosen on demand and stored (so both see the same one),
/// answered privately, revealed when both answered, then reflected back. Always scoped by <see cref="CurrentCouple"/>.
/// </summary>
public sealed class CheckInService(
    CurrentCouple currentCouple,
    CoupleDb coupleDb,
    DailyQuestionStore questions,
    PartnerActivityReminders partnerActivity,
    CoupleNotifier notifier,
    TimeProvider timeProvider,
    ILogger<CheckInService> logger)
{
    public const int HistoryPageSize = 10;
    private const int MaxConcurrentAttempts = 3;
    public const string NotPairedMessage = "The daily question starts once your partner has joined you.";
    public const string NoQuestionThatDayMessage = "There was no question that day: a question appears on a day either of you opens CoupleConnect.";

    /// <summary>The couple's today (their home zone's date), or null when unpaired.</summary>
    public async Task<DateOnly?> TodayAsync(CancellationToken cancellationToken = default) => (await LoadContextAsync(cancellationToken))?.Today;

    /// <summary>Today's question in the couple's home time zone, created on first look.</summary>
    public Task<CheckInDay?> GetTodayAsync(CancellationToken cancellationToken = default) => GetDayAsync(null, cancellationToken);

    /// <summary>The question of <paramref name="day"/> (today when null); earlier days only if they were asked.</summary>
    public async Task<CheckInDay?> GetDayAsync(DateOnly? day, CancellationToken cancellationToken = default)
    {
        var context = await LoadContextAsync(cancellationToken);
        if (context is null)
        {
            return null;
        }

        await using var db = await coupleDb.OpenAsync(context.Scope, cancellationToken);
        var daily = await LoadDayAsync(db, context, day ?? context.Today, cancellationToken);
        return daily is null ? null : ToModel(context, daily, timeProvider.GetUtcNow());
    }

    /// <param name="questionId">The question the person was looking at: if it was swapped meanwhile, the answer is refused (and kept in their box) rather than filed under a question they never saw.</param>
    public async Task<ServiceResult> AnswerAsync(DateOnly day, string? text, int? questionId = null, CancellationToken cancellationToken = default)
    {
        if (!CheckInText.TryParse(text, CheckInText.AnswerMaxLength, "answer", out var answer, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        CheckInContext? answeredIn = null;
        var revealed = false;
        var result = await ChangeAsync(
            day,
            CoupleChange.CheckInAnswered,
            (daily, context) =>
            {
                if (questionId is { } seen && seen != daily.QuestionId)
                {
                    throw new CheckInRuleException(CheckInRule.QuestionChanged);
                }

                var now = timeProvider.GetUtcNow();
                daily.Answer(context.Scope.UserId, answer!, context.Today, now, new AnswerTerms(context.Scope.RevealTogether, context.Scope.HoldFromPartner(now)));
                (answeredIn, revealed) = (context, daily.BothAnswered);
            },
            cancellationToken);

        // "Your turn" only for today's question and only while the partner hasn't answered (the answer text never goes);
        // never about someone in private mode (the send check holds that rule too, for a switch made in between).
        if (result.Succeeded && !revealed && answeredIn is { } answered && day == answered.Today && !answered.Scope.IAmPrivate)
        {
            await partnerActivity.QueueAsync(answered.Scope.PartnerId, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// "Reveal" on a day that reveals together (docs/adr/0036): the answers open once both tapped. Only once both answers
    /// are there for this person to know of, so a tap never tells them something private mode holds back.
    /// </summary>
    public Task<ServiceResult> RevealAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            day,
            CoupleChange.CheckInAnswered,
            (daily, context) =>
            {
                var now = timeProvider.GetUtcNow();
                if (daily.AnswerBy(context.Scope.PartnerId) is not { } partners || !PrivateMode.IsVisible(partners.VisibleToPartnerFrom, now))
                {
                    throw new CheckInRuleException(CheckInRule.RevealNeedsBothAnswers);
                }

                daily.TapReveal(context.Scope.UserId, now);
            },
            cancellationToken);

    /// <summary>
    /// Swaps today's question for another from the couple's topics and depth: either partner, once a day for the
    /// couple, and only while neither has answered, so no answer is ever dropped or moved under a different question.
    /// </summary>
    public async Task<ServiceResult> SwapTodayAsync(CancellationToken cancellationToken = default)
    {
        var context = await LoadContextAsync(cancellationToken);
        if (context is null)
        {
            return ServiceResult.Fail(NotPairedMessage);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await coupleDb.OpenAsync(context.Scope, cancellationToken);
            var daily = await questions.GetOrCreateAsync(db, context.Today, context.Scope.PairedOn, cancellationToken);
            try
            {
                daily.EnsureCanSwap(context.Today);
                var replacement = await DailyQuestionStore.ChooseSwapAsync(db, daily, context.Scope.PairedOn, cancellationToken);
                daily.Swap(replacement.Id, context.Today, timeProvider.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (CheckInRuleException refused)
            {
                return ServiceResult.Fail(refused.Message);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrentAttempts)
            {
                // The partner answered or swapped at the same moment: look again at the fresh state, which then refuses.
                logger.LogInformation("A question swap met a concurrent change; retrying on fresh state");
            }
            catch (DbUpdateConcurrencyException)
            {
                return ServiceResult.Fail("Your partner changed today's question at the same moment. Please look at the latest and try again.");
            }
        }

        await notifier.PublishAsync(context.Scope.CoupleId, CoupleChange.CheckInSwapped);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> ReflectAsync(DateOnly day, string? paraphrase, CancellationToken cancellationToken = default)
    {
        if (!CheckInText.TryParse(paraphrase, CheckInText.ReflectionMaxLength, "reflection", out var text, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await ChangeAsync(day, CoupleChange.CheckInReflected, (daily, context) => daily.Reflect(context.Scope.UserId, text!, timeProvider.GetUtcNow()), cancellationToken);
    }

    public async Task<ServiceResult> RespondToReflectionAsync(DateOnly day, ReflectionVerdict verdict, string? clarification, CancellationToken cancellationToken = default)
    {
        CheckInText? note = null;
        if (!string.IsNullOrWhiteSpace(clarification) && !CheckInText.TryParse(clarification, CheckInText.ReflectionMaxLength, "clarification", out note, out var problem))
        {
            return ServiceResult.Fail(problem!);
        }

        return await ChangeAsync(day, CoupleChange.CheckInReflected, (daily, context) => daily.RespondToReflection(context.Scope.UserId, verdict, note), cancellationToken);
    }

    /// <summary>
    /// The signed-in partner takes their own answer back: withdrawn before the reveal (the partner never sees it, in no
    /// page, export or archive), or its words removed after it (docs/adr/0035). Only ever the caller's own answer.
    /// </summary>
    public Task<ServiceResult> TakeBackAnswerAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        ChangeAsync(day, CoupleChange.CheckInAnswered, (daily, context) => daily.TakeBackAnswer(context.Scope.UserId, timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>The signed-in partner takes back the reflection they wrote on their partner's answer.</summary>
    public Task<ServiceResult> RemoveReflectionAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        ChangeAsync(day, CoupleChange.CheckInReflected, (daily, context) => daily.RemoveReflection(context.Scope.UserId, timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>A heart on the partner's revealed answer (again takes it back); it is a small positive about them too.</summary>
    public async Task<ServiceResult> ToggleHeartAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        Guid? coupleId = null;
        var result = await ChangeAsync(
            day,
            CoupleChange.CheckInReflected,
            async (daily, context, db) =>
            {
                if (!daily.IsRevealedAt(timeProvider.GetUtcNow()))
                {
                    throw new CheckInRuleException(CheckInRule.NotRevealedYet);
                }

                daily.ToggleHeart(context.Scope.UserId);
                await HeartPositives.FollowAsync(db, daily, context.Scope, context.Today, timeProvider.GetUtcNow(), cancellationToken);
                coupleId = context.Scope.CoupleId;
            },
            cancellationToken);
        if (result.Succeeded && coupleId is { } couple)
        {
            await notifier.PublishAsync(couple, CoupleChange.PositiveLogged);
        }

        return result;
    }

    /// <summary>Past questions, newest first, with both answers where revealed.</summary>
    public async Task<CheckInHistory?> GetHistoryAsync(int page, CancellationToken cancellationToken = default)
    {
        var context = await LoadContextAsync(cancellationToken);
        if (context is null)
        {
            return null;
        }

        page = Math.Max(1, page);
        await using var db = await coupleDb.OpenAsync(context.Scope, cancellationToken);
        var dailies = await db.DailyQuestions.AsNoTracking().Include(daily => daily.Answers)
            .OrderByDescending(daily => daily.Day)
            .Skip((page - 1) * HistoryPageSize)
            .Take(HistoryPageSize + 1)
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var days = dailies.Take(HistoryPageSize).Select(daily => ToModel(context, daily, now)).ToList();
        return new CheckInHistory(days, page, dailies.Count > HistoryPageSize);
    }

    /// <summary>Earlier days in the answer window that the signed-in partner hasn't answered yet, newest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> GetMissedDaysAsync(CancellationToken cancellationToken = default)
    {
        var context = await LoadContextAsync(cancellationToken);
        if (context is null)
        {
            return [];
        }

        var oldestOpen = context.Today.AddDays(-(DailyQuestion.AnswerWindowDays - 1));
        await using var db = await coupleDb.OpenAsync(context.Scope, cancellationToken);
        return await db.DailyQuestions.AsNoTracking()
            .Where(daily => daily.Day < context.Today && daily.Day >= oldestOpen)
            .Where(daily => !daily.Answers.Any(answer => answer.AuthorId == context.Scope.UserId))
            .OrderByDescending(daily => daily.Day)
            .Select(daily => daily.Day)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Listens for the partner's changes to the couple's check-ins (null when unpaired).</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    private Task<ServiceResult> ChangeAsync(DateOnly day, CoupleChange change, Action<DailyQuestion, CheckInContext> action, CancellationToken cancellationToken) =>
        ChangeAsync(
            day,
            change,
            (daily, context, _) =>
            {
                action(daily, context);
                return Task.CompletedTask;
            },
            cancellationToken);

    private async Task<ServiceResult> ChangeAsync(DateOnly day, CoupleChange change, Func<DailyQuestion, CheckInContext, AppDbContext, Task> action, CancellationToken cancellationToken)
    {
        var context = await LoadContextAsync(cancellationToken);
        if (context is null)
        {
            return ServiceResult.Fail(NotPairedMessage);
        }

        // The day's row carries a version: when the partner changed it at the same moment, apply the action again to
        // the fresh state. Two first answers then both land (and reveal); an edit racing the reveal is refused as locked.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await coupleDb.OpenAsync(context.Scope, cancellationToken);
            var daily = await LoadDayAsync(db, context, day, cancellationToken);
            if (daily is null)
            {
                return ServiceResult.Fail(day > context.Today ? "That day hasn't come yet."
                    : day > context.Today.AddDays(-DailyQuestion.AnswerWindowDays) ? NoQuestionThatDayMessage
                    : CheckInRuleException.MessageFor(CheckInRule.OutsideAnswerWindow));
            }

            try
            {
                await action(daily, context, db);
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (CheckInRuleException refused)
            {
                return ServiceResult.Fail(refused.Message);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrentAttempts)
            {
                logger.LogInformation("A check-in change met a concurrent change; retrying on fresh state");
            }
            catch (DbUpdateConcurrencyException)
            {
                return ServiceResult.Fail("Your partner changed this question at the same moment. Please look at the latest and try again.");
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < MaxConcurrentAttempts)
            {
                // The same partner's two tabs racing to add a first answer: the retry edits the stored one.
            }
        }

        await notifier.PublishAsync(context.Scope.CoupleId, change);
        return ServiceResult.Ok;
    }

    /// <summary>Today's question is created on first look; an earlier day's exists only if it was asked then.</summary>
    private async Task<DailyQuestion?> LoadDayAsync(AppDbContext db, CheckInContext context, DateOnly day, CancellationToken cancellationToken) =>
        day == context.Today
            ? await questions.GetOrCreateAsync(db, context.Today, context.Scope.PairedOn, cancellationToken)
            : await DailyQuestionStore.FindAsync(db, day, cancellationToken);

    private async Task<CheckInContext?> LoadContextAsync(CancellationToken cancellationToken) =>
        await currentCouple.GetAsync(cancellationToken) is { } scope ? new CheckInContext(scope, scope.TodayAt(timeProvider.GetUtcNow())) : null;

    private static CheckInDay ToModel(CheckInContext context, DailyQuestion daily, DateTimeOffset now)
    {
        var question = QuestionBank.All.Single(question => question.Id == daily.QuestionId);
        var mine = daily.AnswerBy(context.Scope.UserId);
        // An answer written in private mode is not there, for the partner, until its morning (docs/adr/0036).
        var partners = daily.AnswerBy(context.Scope.PartnerId) is { } written && PrivateMode.IsVisible(written.VisibleToPartnerFrom, now) ? written : null;
        var isRevealed = daily.IsRevealedAt(now) && mine is not null && partners is not null;
        RevealedAnswers? revealed = null;
        if (isRevealed && mine is not null && partners is not null)
        {
            revealed = new RevealedAnswers(
                partners.IsRemoved ? null : partners.Text,
                IHeartedPartnersAnswer: partners.HeartedByPartner,
                PartnerHeartedMyAnswer: mine.HeartedByPartner,
                MyReflectionOnPartner: partners.ReflectionText,
                PartnersVerdictOnMyReflection: partners.Verdict,
                PartnersClarification: partners.Clarification,
                PartnersReflectionOnMe: mine.ReflectionText,
                MyVerdictOnPartnersReflection: mine.Verdict,
                MyClarification: mine.Clarification)
            {
                MyAnswerRemoved = mine.IsRemoved,
                MyReflectionRemoved = partners.ReflectionRemoved,
                PartnersReflectionRemoved = mine.ReflectionRemoved,
            };
        }

        return new CheckInDay(
            daily.Day,
            daily.Day == context.Today,
            daily.IsOpenOn(context.Today) && !daily.IsRevealedAt(now),
            question.Text,
            question.Category,
            question.Id,
            daily.Day == context.Today ? SwapStatusOf(daily) : SwapStatus.NotToday,
            context.Scope.PartnerName,
            mine is { IsRemoved: false } ? mine.Text : null,
            partners is not null,
            isRevealed,
            revealed)
        {
            WaitingForReveal = daily.IsWaitingForReveal && mine is not null && partners is not null,
            ITappedReveal = mine?.TappedReveal == true,
            PartnerTappedReveal = partners?.TappedReveal == true,
            OpensForBothAt = !isRevealed && daily.IsRevealed && mine?.VisibleToPartnerFrom is { } opens && opens > now ? opens : null,
        };
    }

    private static SwapStatus SwapStatusOf(DailyQuestion daily) =>
        daily.SwappedQuestionId is not null ? SwapStatus.AlreadySwapped
        : daily.Answers.Count > 0 ? SwapStatus.AlreadyAnswered
        : SwapStatus.Available;

    private sealed record CheckInContext(CoupleScope Scope, DateOnly Today);
}
