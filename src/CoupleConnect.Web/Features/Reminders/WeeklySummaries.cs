using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>The week an email sums up, from the recipient's side. <see cref="HighlightText"/> only when both opted in.</summary>
public sealed record WeeklySummary(
    DateOnly WeekStart,
    int YouNoticed,
    int PartnerNoticed,
    int QuestionsBothAnswered,
    PositiveKind? MostNoticedAboutYou,
    string? HighlightText);

internal static class WeeklySummaries
{
    /// <summary>
    /// The Monday-to-Sunday week (couple's zone) that contains <paramref name="day"/>, for <paramref name="recipientId"/>;
    /// <paramref name="db"/> is opened for the couple.
    /// </summary>
    /// <param name="seenAt">When the email goes: the partner's entries written in private mode count only once the recipient could see them.</param>
    public static async Task<WeeklySummary> ForWeekOfAsync(AppDbContext db, ReminderCouple couple, string recipientId, DateOnly day, CancellationToken cancellationToken, DateTimeOffset? seenAt = null)
    {
        var start = CoupleWeeks.StartOf(day);
        var end = start.AddDays(6);
        // Whole positives, not columns: a note decrypts only with the row it belongs to (docs/adr/0017).
        var positives = await (seenAt is { } at ? db.Positives.AsNoTracking().SeenBy(recipientId, at) : db.Positives.AsNoTracking())
            .Where(positive => positive.Day >= start && positive.Day <= end)
            .ToListAsync(cancellationToken);
        var bothAnswered = await db.DailyQuestions.AsNoTracking()
            .CountAsync(daily => daily.Day >= start && daily.Day <= end && daily.Answers.Count(answer => answer.RemovedAt == null) >= 2, cancellationToken);
        var sharing = await db.ReminderPreferences.AsNoTracking()
            .CountAsync(preferences => (preferences.UserId == recipientId || preferences.UserId == couple.PartnerId) && preferences.ShareHighlightText, cancellationToken);

        var aboutYou = positives.Where(positive => positive.AuthorId == couple.PartnerId).ToList();
        var mostNoticed = aboutYou.GroupBy(positive => positive.Kind).OrderByDescending(group => group.Count()).ThenBy(group => group.Key).Select(group => (PositiveKind?)group.Key).FirstOrDefault();

        // What the partner wrote is private: it is quoted only when both partners chose to share highlights.
        var highlight = sharing == 2
            ? aboutYou.Where(positive => positive.Note is not null).OrderByDescending(positive => positive.AcknowledgedAt is not null).ThenByDescending(positive => positive.CreatedAt).Select(positive => positive.Note).FirstOrDefault()
            : null;

        return new WeeklySummary(start, positives.Count(positive => positive.AuthorId == recipientId), aboutYou.Count, bothAnswered, mostNoticed, highlight);
    }

    public static IReadOnlyList<string> Paragraphs(WeeklySummary week, string partnerName)
    {
        var paragraphs = new List<string>
        {
            $"You noticed {Things(week.YouNoticed)} about {partnerName}; {partnerName} noticed {Things(week.PartnerNoticed)} about you.",
            week.QuestionsBothAnswered switch
            {
                0 => "No question was answered by both of you this week. Next week is a fresh start.",
                1 => "You both answered 1 of this week's questions.",
                var count => $"You both answered {count} of this week's questions.",
            },
        };

        if (week.HighlightText is { } text)
        {
            paragraphs.Add($"A highlight, in {partnerName}'s words: \"{text}\"");
        }
        else if (week.MostNoticedAboutYou is { } kind)
        {
            paragraphs.Add($"What {partnerName} noticed most about you: {PositiveKindNames.Of(kind).ToLowerInvariant()}.");
        }

        return paragraphs;
    }

    private static string Things(int count) => count == 1 ? "1 thing" : $"{count} things";
}
