using CoupleConnect.Domain.Nudges;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>How people call each kind of email, in pages and emails alike.</summary>
public static class NudgeKindNames
{
    public static string Of(NudgeKind kind) => kind switch
    {
        NudgeKind.DailyQuestion => "morning question emails",
        NudgeKind.EveningGratitude => "evening gratitude emails",
        NudgeKind.PartnerActivity => "\"your turn\" emails",
        NudgeKind.WeeklySummary => "weekly summary emails",
        NudgeKind.RitualReminder or NudgeKind.RitualDayBefore => "ritual reminders",
        _ => "these emails",
    };

    /// <summary>A ritual's reminders, by the ritual's name: "reminders for “Date night”".</summary>
    public static string OfRitual(string ritualName) => $"reminders for \u201C{ritualName}\u201D";
}
