using System.Text.Json;
using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>What the service worker shows (wwwroot/sw.js reads exactly these fields) and where a tap opens the app.</summary>
public sealed record PushNotification(string Title, string? Body, string Url, string Tag)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>
/// The one composer of reminder notifications. A notification shows on a lock screen anyone may see, so it carries no
/// words anybody wrote and no names: no question, no ritual or partner name, only what kind of moment it is and a link
/// into the app, where the details wait behind sign-in. Discreet mode (docs/adr/0037) makes even that generic.
/// </summary>
public static class ReminderPushes
{
    public const string DiscreetTitle = "A gentle reminder";

    public static PushNotification Compose(ReminderKind kind, ReminderCheck check, bool discreet)
    {
        var (title, body) = kind switch
        {
            ReminderKind.DailyQuestion => ("Today's question is waiting", "Take a minute to answer. You'll see each other's answers once you both have."),
            ReminderKind.PartnerActivity => ("Your partner answered: your turn", "Answer today's question to see theirs."),
            ReminderKind.EveningGratitude => ("One small thing from today?", "Note something you appreciated about your partner."),
            ReminderKind.WeeklySummary => ("Your week together", "See your week on your shared page."),
            ReminderKind.WeeklyTemperature => ("How was your week together?", "A minute for this week's check-in."),
            ReminderKind.RitualReminder => ("A ritual is coming up", "Open it to see when."),
            ReminderKind.RitualDayBefore => ("A ritual is tomorrow", "Open it to see when."),
            ReminderKind.TalkComingUp => ("Your talk is coming up", "Find a quiet spot when you're both ready."),
            ReminderKind.TimeOutNotice => ("Taking a short pause", "Your partner started a time-out. You'll both hear when it's time to come back."),
            ReminderKind.TimeOutReturn or ReminderKind.TimeOutReturnExtended => ("Time to come back together", "When you feel ready, say so in the app."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind is never sent as a notification."),
        };

        var url = ReminderLinks.PathFor(kind, check);
        // One notification per kind and subject: a newer one replaces an unread older one instead of piling up.
        var tag = ReminderTopics.Of(kind) is { } topic ? $"{topic}" : $"{kind}";
        return discreet ? new PushNotification(DiscreetTitle, null, url, tag) : new PushNotification(title, body, url, tag);
    }
}
