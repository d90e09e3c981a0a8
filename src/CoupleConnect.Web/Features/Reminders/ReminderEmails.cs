using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Email;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Everything a reminder email may say, gathered before composing. Never anything a partner wrote: only names, the
/// question, a ritual's name and links. <paramref name="UnsubscribeToken"/> is the signed token for exactly this kind.
/// </summary>
public sealed record ReminderEmailFacts(
    long OutboxId,
    ReminderKind Kind,
    string ToAddress,
    string ToName,
    string PartnerName,
    Uri PublicUrl,
    string UnsubscribeToken,
    string FromAddress)
{
    /// <summary>For the morning question and "your turn": the couple's question of the day.</summary>
    public QuestionEmailFacts? Question { get; init; }

    /// <summary>For the weekly summary: its paragraphs, in our words.</summary>
    public IReadOnlyList<string>? SummaryParagraphs { get; init; }

    /// <summary>For ritual reminders: which ritual and when.</summary>
    public RitualEmailFacts? Ritual { get; init; }

    /// <summary>For a talk's reminder: which talk and when (never its topic or anything said in it).</summary>
    public TalkEmailFacts? Talk { get; init; }

    /// <summary>For time-out emails: only when it ends, in the recipient's own zone (never anything either partner wrote).</summary>
    public TimeOutEmailFacts? TimeOut { get; init; }

    /// <summary>For the notice that the couple ended: who left and until when the archive stays.</summary>
    public CoupleEndedEmailFacts? CoupleEnded { get; init; }

    /// <summary>The recipient chose discreet emails: a subject and preview that say nothing personal (<see cref="DiscreetEmail"/>).</summary>
    public bool Discreet { get; init; }
}

/// <summary>A couple-ended notice: the former partner's name and the archive's last day in the recipient's zone.</summary>
public sealed record CoupleEndedEmailFacts(string FormerPartnerName, string ArchiveUntil);

/// <summary>A time-out's return time, written in the recipient's own zone ("Monday 7 December at 19:00").</summary>
public sealed record TimeOutEmailFacts(string ReturnWhen);

/// <summary>The question of the couple's day, and that day (the answer link goes to it).</summary>
public sealed record QuestionEmailFacts(DateOnly Day, string Text);

/// <summary>
/// A ritual reminder's content: the ritual's name (the one thing partners wrote that an email shows: without it the
/// reminder says nothing), when it starts in the couple's home zone and the recipient's own, and for how long.
/// </summary>
public sealed record RitualEmailFacts(Guid RitualId, string Name, string When, string Duration);

/// <summary>A talk's reminder: only when it starts, in the recipient's own zone, and for how long. The topic stays in the app.</summary>
public sealed record TalkEmailFacts(Guid TalkId, string When, int Minutes);

/// <summary>
/// The one composer of reminder emails, in our words: short, warm, one clear button, and a way out for exactly this
/// kind. Pure: facts in, subject, text and HTML out (no database, no clock), so every kind's wording is unit-tested.
/// </summary>
public static class ReminderEmails
{
    public static EmailMessage Compose(ReminderEmailFacts facts)
    {
        if (facts.Kind == ReminderKind.PartnerLeft)
        {
            // A notice, not a reminder: no switch to unsubscribe from, and the couple's own wording (one text for both ways of leaving).
            var ended = facts.CoupleEnded ?? throw new ArgumentException("A couple-ended notice needs its facts.", nameof(facts));
            return CoupleEmails.PartnerLeft(facts.ToAddress, facts.ToName, ended.FormerPartnerName, facts.PublicUrl.ToString(), ended.ArchiveUntil, facts.Discreet) with
            {
                MessageId = MessageIdFor(facts.OutboxId, MessageIdDomainOf(facts.FromAddress)),
                Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" },
            };
        }

        var content = facts.Kind switch
        {
            ReminderKind.DailyQuestion => new EmailContent(
                $"Today's question for you and {facts.PartnerName}",
                "Today's question",
                [
                    facts.Question?.Text ?? string.Empty,
                    $"Take a minute to answer. {facts.PartnerName} sees your answer once you have both answered, and you see theirs.",
                ])
            {
                ActionLabel = "Answer today's question",
                UnsubscribeLabel = "Stop the morning question emails",
            },
            ReminderKind.PartnerActivity => new EmailContent(
                $"{facts.PartnerName} answered today's question — your turn",
                $"{facts.PartnerName} has answered — your turn",
                [
                    $"{facts.PartnerName} answered today's question. Their answer stays hidden until you have answered too; then you both see each other's.",
                    facts.Question is null ? "Today's question is waiting for you." : $"Today's question: {facts.Question.Text}",
                ])
            {
                ActionLabel = "Answer and see theirs",
                UnsubscribeLabel = "Stop \"your turn\" emails",
            },
            ReminderKind.EveningGratitude => new EmailContent(
                $"One thing you appreciated about {facts.PartnerName} today",
                $"What did {facts.PartnerName} do today that you appreciated?",
                [
                    "Before the day ends, think of one small thing: a kind word, a cup of tea, a moment of patience.",
                    $"Write it down for {facts.PartnerName}: they'll see it on your shared page. Being noticed is what makes it count.",
                ])
            {
                ActionLabel = "Share one thing tonight",
                UnsubscribeLabel = "Stop the gratitude emails",
            },
            ReminderKind.WeeklySummary => new EmailContent(
                $"Your week with {facts.PartnerName}",
                $"Your week with {facts.PartnerName}",
                facts.SummaryParagraphs ?? [])
            {
                ActionLabel = "Open your shared page",
                UnsubscribeLabel = "Stop the weekly summary",
            },
            ReminderKind.WeeklyTemperature => new EmailContent(
                "How was your week together?",
                "A minute for your week together",
                [
                    $"How connected did you feel with {facts.PartnerName} this week? Pick a number, note one small thing worth celebrating, and one wish for next week.",
                    $"Your answer stays private until {facts.PartnerName} has answered too; then you both see each other's.",
                ])
            {
                ActionLabel = "Answer this week's check-in",
                UnsubscribeLabel = "Stop the weekly temperature emails",
            },
            ReminderKind.RitualReminder or ReminderKind.RitualDayBefore when facts.Ritual is { } ritual => new EmailContent(
                facts.Kind == ReminderKind.RitualDayBefore ? $"Tomorrow: {ritual.Name}" : $"Coming up: {ritual.Name}",
                facts.Kind == ReminderKind.RitualDayBefore ? $"Tomorrow: {ritual.Name}" : $"Soon: {ritual.Name}",
                [
                    $"{ritual.When}, for {ritual.Duration}.",
                    $"A small reminder for you and {facts.PartnerName}. Afterwards, either of you can mark it done, with a note if you like.",
                ])
            {
                ActionLabel = "Open the ritual",
                UnsubscribeLabel = "Stop reminders for this ritual",
            },
            ReminderKind.TalkComingUp when facts.Talk is { } talk => new EmailContent(
                $"Your talk with {facts.PartnerName} is coming up",
                $"Your talk with {facts.PartnerName} is coming up",
                [
                    $"{talk.When}, for {talk.Minutes} minutes.",
                    "Find a quiet spot and open the talk on your phone when you're both ready. One speaks, one listens, and a pause is always fine.",
                ])
            {
                ActionLabel = "Open the talk",
                UnsubscribeLabel = "Stop reminders before talks",
            },
            ReminderKind.TimeOutNotice => new EmailContent(
                $"A short pause for you and {facts.PartnerName}",
                "Taking a short pause",
                [
                    $"{facts.PartnerName} started a time-out in CoupleConnect: a break so you can both calm down and come back ready to listen.",
                    facts.TimeOut is { } notice ? $"Nothing is needed from you except to pause too. You'll both get a reminder when it's time to come back: {notice.ReturnWhen}." : "Nothing is needed from you except to pause too. You'll both get a reminder when it's time to come back.",
                ])
            {
                ActionLabel = "Open the time-out",
                UnsubscribeLabel = "Stop time-out emails",
            },
            ReminderKind.TimeOutReturn or ReminderKind.TimeOutReturnExtended => new EmailContent(
                "Time to come back together",
                "The pause is over",
                [
                    $"The time-out you and {facts.PartnerName} took has ended. When you feel ready to talk, say so in CoupleConnect; once you both have, it suggests a gentle way to begin.",
                    "No rush: if you need a little longer, that's all right too.",
                ])
            {
                ActionLabel = "Open the time-out",
                UnsubscribeLabel = "Stop time-out emails",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Kind, "Not a reminder kind."),
        };

        var token = Uri.EscapeDataString(facts.UnsubscribeToken);
        content = DiscreetEmail.Apply(content, facts.Discreet) with
        {
            ActionUrl = Link(facts.PublicUrl, ReminderLinks.PathFor(facts.Kind, facts.Question, facts.Ritual, facts.Talk, facts.TimeOut)),
            UnsubscribeUrl = Link(facts.PublicUrl, $"unsubscribe?token={token}"),
            Footnote = ReminderPreferences.IsTimeOutKind(facts.Kind)
                ? "You get this because time-out emails are on for your account in CoupleConnect."
                : "You get this because you turned on this reminder in CoupleConnect.",
        };

        return EmailLayout.Compose(facts.ToAddress, facts.ToName, content) with
        {
            MessageId = MessageIdFor(facts.OutboxId, MessageIdDomainOf(facts.FromAddress)),
            Headers = new Dictionary<string, string>
            {
                // RFC 8058 one-click: mail apps POST "List-Unsubscribe=One-Click" to this address, no page, no sign-in.
                ["List-Unsubscribe"] = $"<{Link(facts.PublicUrl, $"unsubscribe/one-click?token={token}")}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                ["Auto-Submitted"] = "auto-generated",
            },
        };
    }

    /// <summary>Derived from the outbox row, so a retried or duplicated send is recognisably the same message.</summary>
    public static string MessageIdFor(long outboxId, string domain) => $"reminder-{outboxId}@{domain}";

    /// <summary>The part after the @ of our From address; a safe stand-in when it has none.</summary>
    public static string MessageIdDomainOf(string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        return at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "coupleconnect.local";
    }

    /// <summary>As <c>AppLinks.To</c>: an absolute link under the public address.</summary>
    private static string Link(Uri publicUrl, string relativePath) => new Uri(publicUrl, relativePath.TrimStart('/')).ToString();
}
