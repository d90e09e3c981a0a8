using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>How people call each kind of email, in pages and emails alike.</summary>
public static class ReminderKindNames
{
    public static string Of(ReminderKind kind) => kind switch
    {
        ReminderKind.DailyQuestion => "morning question emails",
        ReminderKind.EveningGratitude => "gratitude emails",
        ReminderKind.PartnerActivity => "\"your turn\" emails",
        ReminderKind.WeeklySummary => "weekly summary emails",
        ReminderKind.RitualReminder or ReminderKind.RitualDayBefore => "ritual reminders",
        ReminderKind.TalkComingUp => "reminders before a talk",
        ReminderKind.TimeOutNotice or ReminderKind.TimeOutReturn or ReminderKind.TimeOutReturnExtended => "time-out emails",
        ReminderKind.PartnerLeft => "the notice that a couple ended",
        ReminderKind.WeeklyTemperature => "weekly temperature emails",
        _ => "these emails",
    };

    /// <summary>A ritual's reminders, by the ritual's name: "reminders for “Date night”".</summary>
    public static string OfRitual(string ritualName) => $"reminders for \u201C{ritualName}\u201D";
}
