using CoupleConnect.Domain.Reminders;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>Where a reminder leads, by email button or notification tap: tonight's gratitude, the ritual, the question's day, or the shared page.</summary>
public static class ReminderLinks
{
    public static string PathFor(ReminderKind kind, ReminderCheck check) => PathFor(kind, check.Question, check.Ritual, check.Talk, check.TimeOut);

    public static string PathFor(ReminderKind kind, QuestionEmailFacts? question, RitualEmailFacts? ritual, TalkEmailFacts? talk, TimeOutEmailFacts? timeOut) => (kind, question, ritual, talk, timeOut) switch
    {
        (ReminderKind.EveningGratitude, _, _, _, _) => "/gratitude",
        (ReminderKind.WeeklyTemperature, _, _, _, _) => "/temperature",
        (_, _, _, _, not null) => "/time-out",
        (_, _, { } r, _, _) => $"/rituals/{r.RitualId}",
        (_, _, _, { } t, _) => $"/talks/{t.TalkId}",
        (_, { } q, _, _, _) => $"/checkin/{q.Day:yyyy-MM-dd}",
        _ => "/",
    };
}
