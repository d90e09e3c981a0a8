using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Goals;
using CoupleConnect.Domain.Needs;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Domain.Story;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>A day's question in an archive, without its answers (those come only through <see cref="CoupleArchiveContent.CheckInAnswers"/>).</summary>
public sealed record ArchivedQuestion
{
    public Guid Id { get; init; }

    public DateOnly Day { get; init; }

    public int QuestionId { get; init; }
}

/// <summary>
/// What an archive source may read of one ended couple: the couple's shared things, and of the partners' words only
/// what <see cref="SharedWithPartner"/> says the other was shown. Sources get this instead of the database, so a new
/// source cannot forget the rule. <paramref name="db"/> is opened for the ended couple (<see cref="CoupleDb"/>), so every
/// query here sees that couple's rows only;
/// <paramref name="now"/> is the moment of the export (private mode's holds are judged against it).
/// </summary>
public sealed class CoupleArchiveContent(AppDbContext db, DateTimeOffset now)
{
    public IQueryable<Ritual> Rituals => db.Rituals.AsNoTracking();

    public IQueryable<RitualOutcome> RitualOutcomes => db.RitualOutcomes.AsNoTracking();

    public IQueryable<ArchivedQuestion> Questions =>
        db.DailyQuestions.AsNoTracking().Select(daily => new ArchivedQuestion { Id = daily.Id, Day = daily.Day, QuestionId = daily.QuestionId });

    public IQueryable<CheckInAnswer> CheckInAnswers => SharedWithPartner.CheckInAnswers(db, now).AsNoTracking();

    public IQueryable<RitualNote> RitualNotes => SharedWithPartner.RitualNotes(db).AsNoTracking();

    public IQueryable<MonthlyReflection> MonthlyReflections => SharedWithPartner.MonthlyReflections(db).AsNoTracking();

    public IQueryable<Positive> Positives => SharedWithPartner.Positives(db, now).AsNoTracking();

    public IQueryable<Need> Needs => SharedWithPartner.Needs(db).AsNoTracking();

    public IQueryable<NeedVersion> NeedVersions => SharedWithPartner.NeedVersions(db).AsNoTracking();

    public IQueryable<NeedAnswer> NeedAnswers => SharedWithPartner.NeedAnswers(db).AsNoTracking();

    public IQueryable<StoryMoment> StoryMoments => SharedWithPartner.StoryMoments(db, now).AsNoTracking();

    public IQueryable<StorySide> StorySides => SharedWithPartner.StorySides(db, now).AsNoTracking();

    public IQueryable<Talk> Talks => SharedWithPartner.Talks(db).AsNoTracking();

    public IQueryable<TalkTurn> TalkTurns => SharedWithPartner.TalkTurns(db).AsNoTracking();

    public IQueryable<TalkNextStep> TalkNextSteps => SharedWithPartner.TalkNextSteps(db).AsNoTracking();

    public IQueryable<Goal> Goals => SharedWithPartner.Goals(db).AsNoTracking();

    public IQueryable<GoalNote> GoalNotes => SharedWithPartner.GoalNotes(db, now).AsNoTracking();

    public IQueryable<TemperatureAnswer> TemperatureAnswers => SharedWithPartner.TemperatureAnswers(db, now).AsNoTracking();

    /// <summary>Display names by user id; a deleted account is simply missing.</summary>
    public Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return db.Users.Where(user => ids.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
    }
}
