using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Goals;

/// <summary>A check-in on a goal: a partner's note on how it is going. Only its author deletes it.</summary>
public sealed class GoalNote : ICoupleKeyed
{
    private GoalNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public Guid GoalId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Written in private mode: the partner sees it only from this morning on (docs/adr/0036).</summary>
    public DateTimeOffset? VisibleToPartnerFrom { get; private set; }

    /// <summary>A check-in on an active goal, held from the partner until <paramref name="heldUntil"/> (private mode) when set.</summary>
    public static GoalNote Write(Goal goal, string authorId, GoalNoteText text, DateTimeOffset? heldUntil, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(text);
        goal.EnsureActive();
        return new GoalNote
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = goal.CoupleId,
            GoalId = goal.Id,
            AuthorId = authorId,
            Text = text.Value,
            CreatedAt = now,
            VisibleToPartnerFrom = heldUntil,
        };
    }

    public void EnsureDeletableBy(string userId)
    {
        if (AuthorId != userId)
        {
            throw new GoalRuleException(GoalRule.NotYours);
        }
    }
}
