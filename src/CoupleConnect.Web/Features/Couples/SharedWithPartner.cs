using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Goals;
using CoupleConnect.Domain.Needs;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Domain.Story;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// The one rule of which of a person's words their partner was shown while they were together, per kind of words.
/// Every couple archive (through <see cref="CoupleArchiveContent"/>) and every "your partner's words" part of a
/// personal-data download reads through it, so nothing written privately (an answer before both answered, a monthly
/// reflection before both wrote) ever reaches the partner, or the ex, afterwards. A person's own download of their own
/// words does not need it: they wrote them.
/// </summary>
public static class SharedWithPartner
{
    /// <summary>
    /// A check-in answer is shown to the partner only once both have answered that day's question and, on a day that
    /// reveals together, both tapped "Reveal" (docs/adr/0036). The reflection, heart, response and clarification stored
    /// with it can only be written after that reveal.
    /// </summary>
    /// <remarks>
    /// Private mode holds a whole day's answers until the morning (docs/adr/0036): if either answer was still held when
    /// the first partner left (or is still held now), neither was shown.
    /// </remarks>
    public static IQueryable<CheckInAnswer> CheckInAnswers(AppDbContext db, DateTimeOffset now) =>
        db.CheckInAnswers.Where(answer => db.CheckInAnswers.Any(other => other.DailyQuestionId == answer.DailyQuestionId && other.AuthorId != answer.AuthorId)
            && db.DailyQuestions.Any(daily => daily.Id == answer.DailyQuestionId
                && (!daily.RevealsTogether || !db.CheckInAnswers.Any(untapped => untapped.DailyQuestionId == daily.Id && !untapped.TappedReveal))
                && !db.CheckInAnswers.Any(held => held.DailyQuestionId == daily.Id && held.VisibleToPartnerFrom != null
                    && (held.VisibleToPartnerFrom > now
                        || db.CoupleMembers.Any(member => member.CoupleId == daily.CoupleId && member.LeftAt != null && member.LeftAt < held.VisibleToPartnerFrom)))));

    /// <summary>A monthly reflection entry is shown to the partner only once both wrote one for the same session.</summary>
    public static IQueryable<MonthlyReflection> MonthlyReflections(AppDbContext db) =>
        db.MonthlyReflections.Where(entry => db.MonthlyReflections.Any(other => other.RitualId == entry.RitualId && other.Day == entry.Day && other.AuthorId != entry.AuthorId));

    /// <summary>A note on a ritual's occasion is shown to the partner as soon as it is saved.</summary>
    public static IQueryable<RitualNote> RitualNotes(AppDbContext db) => db.RitualNotes;

    /// <summary>
    /// A positive (and tonight's gratitude) is shown to the partner it is about as soon as it is logged, unless private
    /// mode held it until a morning (docs/adr/0036) that had not come yet, now or when the first partner left.
    /// </summary>
    public static IQueryable<Positive> Positives(AppDbContext db, DateTimeOffset now) =>
        db.Positives.Where(positive => positive.VisibleToPartnerFrom == null
            || (positive.VisibleToPartnerFrom <= now
                && !db.CoupleMembers.Any(member => member.CoupleId == positive.CoupleId && member.LeftAt != null && member.LeftAt < positive.VisibleToPartnerFrom)));

    /// <summary>A need, and every earlier version of it, is shown to the partner as soon as it is saved (that is its point).</summary>
    public static IQueryable<Need> Needs(AppDbContext db) => db.Needs;

    /// <inheritdoc cref="Needs"/>
    public static IQueryable<NeedVersion> NeedVersions(AppDbContext db) => db.NeedVersions;

    /// <summary>An answer to "how did trying this go?" is shown to the partner only once both answered for that need in that session.</summary>
    public static IQueryable<NeedAnswer> NeedAnswers(AppDbContext db) =>
        db.NeedAnswers.Where(answer => db.NeedAnswers.Any(other => other.NeedId == answer.NeedId && other.RitualId == answer.RitualId && other.Day == answer.Day && other.AuthorId != answer.AuthorId));

    /// <summary>
    /// A story moment is shown to the partner as soon as it is saved, unless private mode held it until a morning that had
    /// not come yet, now or when the first partner left (as <see cref="Positives"/>).
    /// </summary>
    public static IQueryable<StoryMoment> StoryMoments(AppDbContext db, DateTimeOffset now) =>
        db.StoryMoments.Where(moment => moment.VisibleToPartnerFrom == null
            || (moment.VisibleToPartnerFrom <= now
                && !db.CoupleMembers.Any(member => member.CoupleId == moment.CoupleId && member.LeftAt != null && member.LeftAt < moment.VisibleToPartnerFrom)));

    /// <summary>"How I remember it" is shown to the partner as soon as it is saved, with the same private-mode hold as <see cref="StoryMoments"/>.</summary>
    public static IQueryable<StorySide> StorySides(AppDbContext db, DateTimeOffset now) =>
        db.StorySides.Where(side => side.VisibleToPartnerFrom == null
            || (side.VisibleToPartnerFrom <= now
                && !db.CoupleMembers.Any(member => member.CoupleId == side.CoupleId && member.LeftAt != null && member.LeftAt < side.VisibleToPartnerFrom)));

    /// <summary>A talk's topic is shown to the partner as soon as it is proposed.</summary>
    public static IQueryable<Talk> Talks(AppDbContext db) => db.Talks;

    /// <summary>What is said in a talk (and each reflection) appears on the partner's phone as soon as it is sent.</summary>
    public static IQueryable<TalkTurn> TalkTurns(AppDbContext db) => db.TalkTurns;

    /// <summary>The one thing each will try after a talk is shown to the partner once saved.</summary>
    public static IQueryable<TalkNextStep> TalkNextSteps(AppDbContext db) => db.TalkNextSteps;

    /// <summary>A shared goal (its name, why and rhythm) is the couple's own and shown to both as soon as it is set.</summary>
    public static IQueryable<Goal> Goals(AppDbContext db) => db.Goals;

    /// <summary>A check-in on a goal is shown to the partner once saved, unless private mode held it, as with positives.</summary>
    public static IQueryable<GoalNote> GoalNotes(AppDbContext db, DateTimeOffset now) =>
        db.GoalNotes.Where(note => note.VisibleToPartnerFrom == null
            || (note.VisibleToPartnerFrom <= now
                && !db.CoupleMembers.Any(member => member.CoupleId == note.CoupleId && member.LeftAt != null && member.LeftAt < note.VisibleToPartnerFrom)));

    /// <summary>
    /// A weekly temperature answer is shown to the partner only once both answered that week (docs/adr/0041), and, as
    /// for a day's answers, not if either was still held by private mode when the first partner left (or is still held now).
    /// </summary>
    public static IQueryable<TemperatureAnswer> TemperatureAnswers(AppDbContext db, DateTimeOffset now) =>
        db.TemperatureAnswers.Where(answer => db.TemperatureAnswers.Any(other => other.CoupleId == answer.CoupleId && other.WeekOf == answer.WeekOf && other.AuthorId != answer.AuthorId)
            && !db.TemperatureAnswers.Any(held => held.CoupleId == answer.CoupleId && held.WeekOf == answer.WeekOf && held.VisibleToPartnerFrom != null
                && (held.VisibleToPartnerFrom > now
                    || db.CoupleMembers.Any(member => member.CoupleId == answer.CoupleId && member.LeftAt != null && member.LeftAt < held.VisibleToPartnerFrom))));
}
