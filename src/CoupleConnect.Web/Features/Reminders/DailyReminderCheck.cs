using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// The daily reminders, right before sending: the skip rules once more (answered meanwhile, thanked meanwhile, turned
/// off, unpaired…), then the facts their emails show: the couple's question of the day, or the week's summary.
/// </summary>
public sealed class DailyReminderCheck(IDailyQuestionSource questions, IDbContextFactory<AppDbContext> dbFactory) : IReminderSendCheck
{
    public bool Owns(ReminderKind kind) => kind is ReminderKind.DailyQuestion or ReminderKind.PartnerActivity or ReminderKind.EveningGratitude or ReminderKind.WeeklySummary;

    public async Task<ReminderCheck> CheckAsync(AppDbContext db, ClaimedReminder reminder, ReminderRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DailyQuestion? question = null;
        if (recipient.Couple is { } couple && reminder.Kind is ReminderKind.DailyQuestion or ReminderKind.PartnerActivity)
        {
            var today = couple.HomeZone.LocalDate(now);
            question = await questions.GetOrCreateAsync(couple.CoupleId, today, couple.HomeZone.LocalDate(couple.CreatedAt), cancellationToken);
        }

        var thankedToday = reminder.Kind == ReminderKind.EveningGratitude && recipient.Couple is { } thanking
            && (await ThankedTonight.WhoAsync(db, [new TonightsWriter(thanking.CoupleId, recipient.UserId, GratitudeTonight.Of(recipient.Zone, reminder.DueUtc, now))], cancellationToken)).Count > 0;
        var facts = new ReminderFacts(
            reminder.Kind,
            recipient.Preferences.IsOn(reminder.Kind),
            recipient.EmailConfirmed,
            recipient.AddressBounced,
            recipient.Couple is not null,
            question?.AnswerBy(recipient.UserId) is not null,
            reminder.DueUtc,
            now)
        {
            AlreadyThanked = thankedToday,
            AboutAPrivatePartner = recipient.Couple?.PartnerIsPrivate == true,
        };
        if (ReminderRules.SkipReason(facts) is { } skip)
        {
            return ReminderCheck.Skipped(skip);
        }

        IReadOnlyList<string>? summary = null;
        if (reminder.Kind == ReminderKind.WeeklySummary)
        {
            // The couple's own rows, read in a context opened for the recipient's couple like any couple page does.
            await using var coupleDb = await CoupleDb.OpenAsync(dbFactory, recipient.Couple!.CoupleId, cancellationToken);
            var week = await WeeklySummaries.ForWeekOfAsync(coupleDb, recipient.Couple!, recipient.UserId, recipient.Couple!.HomeZone.LocalDate(reminder.DueUtc), cancellationToken, now);
            summary = WeeklySummaries.Paragraphs(week, recipient.Couple.PartnerName);
        }

        return new ReminderCheck(null)
        {
            Question = question is null ? null : new QuestionEmailFacts(question.Day, QuestionBank.All.Single(candidate => candidate.Id == question.QuestionId).Text),
            SummaryParagraphs = summary,
        };
    }
}
