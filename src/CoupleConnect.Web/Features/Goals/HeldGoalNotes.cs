using CoupleConnect.Domain.Goals;

namespace CoupleConnect.Web.Features.Goals;

/// <summary>Private mode's read side for check-ins (docs/adr/0036): the partner's held notes wait for their morning.</summary>
public static class HeldGoalNotes
{
    public static IQueryable<GoalNote> SeenBy(this IQueryable<GoalNote> notes, string viewerId, DateTimeOffset now) =>
        notes.Where(note => note.AuthorId == viewerId || note.VisibleToPartnerFrom == null || note.VisibleToPartnerFrom <= now);
}
