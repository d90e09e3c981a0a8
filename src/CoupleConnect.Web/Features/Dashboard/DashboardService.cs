using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Dashboard;

/// <summary>
/// The shared dashboard's read model for the signed-in partner's couple: five round trips in all (the couple scope with
/// names and zones, today's question, the latest entries, twelve weeks of counts, the streak's active days), whatever
/// the history's size. Days are the couple's home-zone days; "thanked tonight" is each writer's own evening (docs/adr/0024).
/// </summary>
public sealed class DashboardService(CurrentCouple currentCouple, CoupleDb coupleDb, TimeProvider timeProvider)
{
    public async Task<DashboardView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : await LoadAsync(scope, cancellationToken);
    }

    /// <summary>The load alone, for a scope resolved already: the dashboard benchmark times it and counts its round trips.</summary>
    internal async Task<DashboardView> LoadAsync(CoupleScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await coupleDb.OpenAsync(scope, cancellationToken);
        var zone = scope.HomeZone;
        var now = timeProvider.GetUtcNow();
        var today = scope.TodayAt(now);

        // The partner's words written in private mode are not there for me until their morning (docs/adr/0036).
        var todays = await db.DailyQuestions.AsNoTracking().Include(daily => daily.Answers)
            .Where(daily => daily.Day == today)
            .SingleOrDefaultAsync(cancellationToken);
        var answeredToday = todays?.Answers
            .Where(answer => answer.AuthorId == scope.UserId || PrivateMode.IsVisible(answer.VisibleToPartnerFrom, now))
            .Select(answer => answer.AuthorId).ToList() ?? [];

        var latest = await db.Positives.AsNoTracking().SeenBy(scope.UserId, now)
            .OrderByDescending(positive => positive.CreatedAt)
            .ThenByDescending(positive => positive.Id)
            .Take(DashboardView.LatestCount)
            .ToListAsync(cancellationToken);

        var firstWeek = CoupleWeeks.StartOf(today).AddDays(-7 * (DashboardView.WeeksShown - 1));
        var perDay = await db.Positives.AsNoTracking().SeenBy(scope.UserId, now)
            .Where(positive => positive.Day >= firstWeek && positive.Day <= today)
            .GroupBy(positive => new { positive.Day, positive.AuthorId, positive.IsEveningGratitude })
            .Select(group => new { group.Key.Day, group.Key.AuthorId, group.Key.IsEveningGratitude, Count = group.Count(), LastWrittenAt = group.Max(positive => positive.CreatedAt) })
            .ToListAsync(cancellationToken);

        var activeDays = await ActiveDaysAsync(db, scope.CoupleId, scope.UserId, zone, today, now, cancellationToken);

        var both = answeredToday.Count >= 2 && todays!.IsRevealedAt(now);
        QuestionStatus StatusOf(string userId) => both ? QuestionStatus.Revealed : answeredToday.Contains(userId) ? QuestionStatus.Answered : QuestionStatus.NotAnswered;
        // Tonight is each writer's own (docs/adr/0024), decided by the same rule as the evening reminder, on the rows read above.
        bool ThankedToday(string userId, TimeZoneId writerZone) =>
            perDay.Any(day => day.AuthorId == userId && day.IsEveningGratitude && GratitudeTonight.Now(writerZone, now).Includes(day.LastWrittenAt));
        var weeks = CoupleWeeks.Count(
            perDay.SelectMany(day => Enumerable.Repeat((day.Day, day.AuthorId == scope.UserId), day.Count)),
            today,
            DashboardView.WeeksShown);

        return new DashboardView(
            scope.PartnerName,
            today,
            StatusOf(scope.UserId),
            StatusOf(scope.PartnerId),
            ThankedToday(scope.UserId, scope.MyZone),
            ThankedToday(scope.PartnerId, scope.PartnerZone),
            latest.Select(positive => PositivesService.ToView(positive, scope.UserId)).ToList(),
            weeks,
            EngagementStreak.Compute(
                activeDays.Where(day => day.AuthorId == scope.UserId).Select(day => day.Day),
                activeDays.Where(day => day.AuthorId == scope.PartnerId).Select(day => day.Day),
                today),
            scope.MyZone.Value,
            latest.Count == 0 && activeDays.Count == 0 && scope.PairedOn >= today.AddDays(-DashboardView.WelcomeDays))
        {
            TodayWaitsForReveal = answeredToday.Count >= 2 && todays!.IsWaitingForReveal,
        };
    }

    /// <summary>
    /// The local days (couple's zone) on which each partner answered or logged something, in one query. PostgreSQL
    /// converts instants to days here (a date, not a wall-clock time, so its rules and ours agree), which keeps a
    /// year of heavy history to a few hundred rows. Plain SQL, which no query filter reaches: it names the couple itself.
    /// </summary>
    private static Task<List<ActiveDay>> ActiveDaysAsync(AppDbContext db, Guid coupleId, string viewerId, TimeZoneId zone, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sinceDay = today.AddDays(-EngagementStreak.MaxDaysCounted - 1);
        var since = sinceDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // An answer since then (at worst the local day before sinceDay) is to a question of that day or the six before
        // it: older questions are skipped, so a long history's earlier days are never visited.
        var firstQuestionDay = sinceDay.AddDays(-1 - (DailyQuestion.AnswerWindowDays - 1));
        var zoneName = zone.Value;
        return db.Database.SqlQuery<ActiveDay>($"""
            SELECT a.author_id AS author_id, (a.answered_at AT TIME ZONE {zoneName})::date AS day
            FROM check_in_answers a JOIN daily_questions q ON q.id = a.daily_question_id
            WHERE q.couple_id = {coupleId} AND q.day >= {firstQuestionDay} AND a.answered_at >= {since}
              AND (a.author_id = {viewerId} OR a.visible_to_partner_from IS NULL OR a.visible_to_partner_from <= {now})
            UNION
            SELECT p.author_id, (p.created_at AT TIME ZONE {zoneName})::date
            FROM positives p
            WHERE p.couple_id = {coupleId} AND p.created_at >= {since}
              AND (p.author_id = {viewerId} OR p.visible_to_partner_from IS NULL OR p.visible_to_partner_from <= {now})
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Columns come back snake_case (author_id, day), matching the naming convention EF applies to this type.</summary>
    private sealed record ActiveDay(string AuthorId, DateOnly Day);
}
