using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>
/// Finds a couple's question for a day, choosing and storing today's on first look (by a partner opening the app, or
/// by the morning reminder that quotes it), so both partners and the email always show the same question.
/// </summary>
public sealed class DailyQuestionStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider timeProvider, ILogger<DailyQuestionStore> logger) : IDailyQuestionSource
{
    /// <summary>The morning reminder's way in: it knows the couple, and reads their question in a context opened for them.</summary>
    async Task<DailyQuestion> IDailyQuestionSource.GetOrCreateAsync(Guid coupleId, DateOnly day, DateOnly pairedOn, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, coupleId, cancellationToken);
        return await GetOrCreateAsync(db, day, pairedOn, cancellationToken);
    }

    /// <summary>The day's question, chosen and saved now if nobody has looked yet, in a context opened for the couple.</summary>
    public async Task<DailyQuestion> GetOrCreateAsync(AppDbContext db, DateOnly day, DateOnly pairedOn, CancellationToken cancellationToken)
    {
        var coupleId = db.ScopedCoupleId ?? throw new InvalidOperationException("Open the context for the couple (CoupleDb) first.");
        var existing = await FindAsync(db, day, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var (asked, depth, topics) = await ChoiceAsync(db, cancellationToken);
        var question = QuestionSelector.Choose(QuestionBank.All, asked, depth, topics, pairedOn, day, coupleId);
        var daily = DailyQuestion.For(coupleId, day, question.Id, timeProvider.GetUtcNow());

        // The partner (or the morning reminder) may be choosing it at this very moment: the unique (couple, day) index
        // keeps the first one stored and this insert does nothing, so both read back the same question. Plain SQL
        // because EF Core has no ON CONFLICT: through SaveChanges the loser's unique violation is logged as an error.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO daily_questions (id, couple_id, day, question_id, created_at, changed_at)
            VALUES ({daily.Id}, {daily.CoupleId}, {daily.Day}, {daily.QuestionId}, {daily.CreatedAt}, {daily.ChangedAt})
            ON CONFLICT (couple_id, day) DO NOTHING
            """,
            cancellationToken);
        if (inserted == 0)
        {
            logger.LogDebug("Daily question for couple {CoupleId} was created concurrently; using the stored one", coupleId);
        }

        return (await FindAsync(db, day, cancellationToken))!;
    }

    /// <summary>
    /// Another question for <paramref name="today"/>'s, by the couple's current depth and topics, never one asked this
    /// round (the swapped-away one included). The caller applies it with <see cref="DailyQuestion.Swap"/>.
    /// </summary>
    public static async Task<Question> ChooseSwapAsync(AppDbContext db, DailyQuestion today, DateOnly pairedOn, CancellationToken cancellationToken)
    {
        var (asked, depth, topics) = await ChoiceAsync(db, cancellationToken);
        return QuestionSelector.Choose(QuestionBank.All, asked, depth, topics, pairedOn, today.Day, today.CoupleId, instead: today.QuestionId);
    }

    /// <summary>What the couple has been asked (oldest first, swapped-away questions too) and what they chose.</summary>
    private static async Task<(List<int> Asked, DepthPreference Depth, IReadOnlySet<QuestionCategory> Topics)> ChoiceAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var days = await db.DailyQuestions.OrderBy(daily => daily.Day)
            .Select(daily => new { daily.SwappedQuestionId, daily.QuestionId })
            .ToListAsync(cancellationToken);
        var asked = days.SelectMany(daily => daily.SwappedQuestionId is { } swapped ? [swapped, daily.QuestionId] : new[] { daily.QuestionId }).ToList();
        var preference = await db.CheckInPreferences.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return (asked, preference?.Depth ?? DepthPreference.Automatic, preference?.Topics.ToHashSet() ?? []);
    }

    /// <summary>The couple's question of <paramref name="day"/>, if asked, in a context opened for the couple.</summary>
    public static Task<DailyQuestion?> FindAsync(AppDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        db.DailyQuestions.Include(daily => daily.Answers).SingleOrDefaultAsync(daily => daily.Day == day, cancellationToken);
}
