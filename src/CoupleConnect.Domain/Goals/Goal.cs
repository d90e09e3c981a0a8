using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Goals;

/// <summary>
/// Something the couple is working toward together: a short name, why it matters, an optional check-in rhythm. Either
/// partner sets, changes, keeps, finishes or lets go of it; at most <see cref="MaxActive"/> are active at once. An
/// ended goal (done or let go) stays in the history. Its words belong to whoever last wrote them
/// (<see cref="WordsById"/>), so leaving a couple can take them back.
/// </summary>
public sealed class Goal : ICoupleKeyed
{
    /// <summary>A few goals are easier to keep than many (issue 18).</summary>
    public const int MaxActive = 3;

    /// <summary>Said wherever someone can let a goal go: renegotiating is part of it, not a failure.</summary>
    public const string LettingGoIsFine =
        "Letting a goal go isn't failing. Lives change, and choosing what matters now is part of growing together. It stays in your history.";

    /// <summary>What stands in for a name its author took back after the couple ended.</summary>
    public const string RemovedName = "(removed by the partner who wrote it)";

    private Goal()
    {
    }

    public Guid Id { get; private set; }

    public Guid CoupleId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Why { get; private set; }

    public GoalRhythm Rhythm { get; private set; }

    public GoalStatus Status { get; private set; }

    public string SetById { get; private set; } = string.Empty;

    /// <summary>Who wrote the current name and why: the partner who set it, or who last changed it.</summary>
    public string WordsById { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>When the couple last chose to keep it as it is (at a monthly reflection).</summary>
    public DateTimeOffset? KeptAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedById { get; private set; }

    public bool IsActive => Status == GoalStatus.Active;

    /// <summary>A new active goal; the couple has <paramref name="activeAlready"/> active goals now.</summary>
    public static Goal Set(Guid coupleId, string authorId, GoalName name, GoalWhy? why, GoalRhythm rhythm, int activeAlready, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureKnown(rhythm);
        if (activeAlready >= MaxActive)
        {
            throw new GoalRuleException(GoalRule.TooManyActive);
        }

        return new Goal
        {
            Id = Guid.CreateVersion7(now),
            CoupleId = coupleId,
            Name = name.Value,
            Why = why?.Value,
            Rhythm = rhythm,
            Status = GoalStatus.Active,
            SetById = authorId,
            WordsById = authorId,
            CreatedAt = now,
            ChangedAt = now,
        };
    }

    /// <summary>Either partner renegotiates the goal: new words, a new rhythm. Returns false when nothing differs.</summary>
    public bool Change(string userId, GoalName name, GoalWhy? why, GoalRhythm rhythm, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureKnown(rhythm);
        EnsureActive();
        if (Name == name.Value && Why == why?.Value && Rhythm == rhythm)
        {
            return false;
        }

        if (Name != name.Value || Why != why?.Value)
        {
            WordsById = userId;
        }

        (Name, Why, Rhythm, ChangedAt) = (name.Value, why?.Value, rhythm, now);
        return true;
    }

    /// <summary>"Keep it": the couple looked at it again and it still fits.</summary>
    public void Keep(DateTimeOffset now)
    {
        EnsureActive();
        KeptAt = now;
    }

    /// <summary>Letting go: renegotiating is normal, and the goal stays in the history.</summary>
    public void LetGo(string userId, DateTimeOffset now) => End(GoalStatus.LetGo, userId, now);

    public void MarkDone(string userId, DateTimeOffset now) => End(GoalStatus.Done, userId, now);

    /// <summary>The words go (the couple ended and their author takes them back); the goal's shape stays for the other.</summary>
    public bool RemoveWordsOf(string authorId)
    {
        if (WordsById != authorId || Name == RemovedName)
        {
            return false;
        }

        (Name, Why) = (RemovedName, null);
        return true;
    }

    private void End(GoalStatus status, string userId, DateTimeOffset now)
    {
        EnsureActive();
        (Status, EndedAt, EndedById) = (status, now, userId);
    }

    internal void EnsureActive()
    {
        if (!IsActive)
        {
            throw new GoalRuleException(GoalRule.NotActive);
        }
    }

    private static void EnsureKnown(GoalRhythm rhythm)
    {
        if (!Enum.IsDefined(rhythm))
        {
            throw new GoalRuleException(GoalRule.UnknownRhythm);
        }
    }
}
