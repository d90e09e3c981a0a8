using CoupleConnect.Domain.Goals;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>
/// The demo couple's goals: a weekly walk with check-ins from both (the last one over a week ago, so the page shows
/// "time for a check-in"), a monthly one of Alex's, and one they let go, kindly, in the history.
/// </summary>
internal static class DemoGoals
{
    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, DateTimeOffset now)
    {
        var walks = Goal.Set(coupleId, partners.Sam, Name("A walk together every Sunday"), Why("We talk best side by side, and the week feels lighter after."), GoalRhythm.Weekly, 0, now.AddDays(-40));
        var phones = Goal.Set(coupleId, partners.Alex, Name("Phones in the drawer after nine"), Why("So the evening is ours, not the group chats'."), GoalRhythm.Monthly, 1, now.AddDays(-20));
        var halfMarathon = Goal.Set(coupleId, partners.Alex, Name("Train for a half marathon together"), null, GoalRhythm.Weekly, 2, now.AddDays(-80));
        db.Goals.AddRange(walks, phones, halfMarathon);

        db.GoalNotes.AddRange(
            GoalNote.Write(walks, partners.Alex, Note("First one: around the lake. Sam spotted a heron."), null, now.AddDays(-33)),
            GoalNote.Write(walks, partners.Sam, Note("Missed one for the rain, made it up with a Tuesday stroll."), null, now.AddDays(-23)),
            GoalNote.Write(walks, partners.Alex, Note("Three Sundays in a row. We talked about the summer trip the whole way."), null, now.AddDays(-9)),
            GoalNote.Write(phones, partners.Sam, Note("Four nights out of seven. Better than before, and we played cards twice."), null, now.AddDays(-5)),
            GoalNote.Write(halfMarathon, partners.Sam, Note("My knee is not happy. Can we rethink this?"), null, now.AddDays(-45)));

        // Renegotiating is normal: the knee said no, and the walks took the running's place.
        halfMarathon.LetGo(partners.Alex, now.AddDays(-41));
    }

    private static GoalName Name(string words) =>
        GoalName.TryParse(words, out var name, out var problem) ? name! : throw new InvalidOperationException($"Demo goal is invalid ({problem}): {words}");

    private static GoalWhy? Why(string words) =>
        GoalWhy.TryParseOptional(words, out var why, out var problem) ? why : throw new InvalidOperationException($"Demo goal is invalid ({problem}): {words}");

    private static GoalNoteText Note(string words) =>
        GoalNoteText.TryParse(words, out var note, out var problem) ? note! : throw new InvalidOperationException($"Demo check-in is invalid ({problem}): {words}");
}
