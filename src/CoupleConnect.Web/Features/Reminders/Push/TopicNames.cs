using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>Each reminder topic as the settings name it.</summary>
public static class TopicNames
{
    public static string Of(ReminderTopic topic) => topic switch
    {
        ReminderTopic.DailyQuestion => "Morning: today's question",
        ReminderTopic.EveningGratitude => "Evening: gratitude",
        ReminderTopic.PartnerActivity => "Your turn, after your partner answered",
        ReminderTopic.WeeklySummary => "Sunday: our week in numbers",
        ReminderTopic.WeeklyTemperature => "Weekly temperature",
        ReminderTopic.Rituals => "Rituals",
        ReminderTopic.Talks => "Before a talk",
        ReminderTopic.TimeOuts => "Time-outs",
        _ => topic.ToString(),
    };
}
