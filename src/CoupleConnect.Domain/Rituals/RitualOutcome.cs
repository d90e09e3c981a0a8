using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Rituals;

public enum RitualOutcomeStatus
{
    Done,
    Skipped,
}

/// <summary>
/// What became of one occurrence (ritual, local day): done or skipped, said by either partner; saying it again
/// changes it. Only occurrences that have started can be marked, and only recent ones (memory fades).
/// </summary>
public sealed class RitualOutcome : ICoupleKeyed
{
    /// <summary>How far back an occurrence can still be marked.</summary>
    public const int MaxDaysBack = 60;

    private RitualOutcome()
    {
    }

    public Guid Id { get; private set; }

    public Guid RitualId { get; private set; }

    public Guid CoupleId { get; private set; }

    /// <summary>The occurrence's local day in the couple's home zone.</summary>
    public DateOnly Day { get; private set; }

    public RitualOutcomeStatus Status { get; private set; }

    public string MarkedById { get; private set; } = string.Empty;

    public DateTimeOffset MarkedAt { get; private set; }

    public static RitualOutcome Mark(Ritual ritual, DateOnly day, RitualOutcomeStatus status, string userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RitualId = ritual.Id,
        CoupleId = ritual.CoupleId,
        Day = day,
        Status = status,
        MarkedById = userId,
        MarkedAt = now,
    };

    public void Change(RitualOutcomeStatus status, string userId, DateTimeOffset now)
    {
        Status = status;
        MarkedById = userId;
        MarkedAt = now;
    }
}

/// <summary>One partner's note on one occurrence (≤ 1,000 characters, encrypted). Each partner has their own, so neither overwrites the other's words.</summary>
public sealed class RitualNote : ICoupleOwned
{
    private RitualNote()
    {
    }

    public Guid RitualId { get; private set; }

    public DateOnly Day { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RitualNote Write(Guid ritualId, DateOnly day, string authorId, string text, DateTimeOffset now) => new()
    {
        RitualId = ritualId,
        Day = day,
        AuthorId = authorId,
        Text = text,
        UpdatedAt = now,
    };

    public void Rewrite(string text, DateTimeOffset now)
    {
        Text = text;
        UpdatedAt = now;
    }
}

/// <summary>One partner's part of a monthly reflection: what went well, and one goal for next month. The partner sees it once both wrote.</summary>
public sealed class MonthlyReflection : ICoupleOwned
{
    private MonthlyReflection()
    {
    }

    public Guid RitualId { get; private set; }

    public DateOnly Day { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string WentWell { get; private set; } = string.Empty;

    public string Goal { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static MonthlyReflection Write(Guid ritualId, DateOnly day, string authorId, string wentWell, string goal, DateTimeOffset now) => new()
    {
        RitualId = ritualId,
        Day = day,
        AuthorId = authorId,
        WentWell = wentWell,
        Goal = goal,
        UpdatedAt = now,
    };

    public void Rewrite(string wentWell, string goal, DateTimeOffset now)
    {
        WentWell = wentWell;
        Goal = goal;
        UpdatedAt = now;
    }
}
