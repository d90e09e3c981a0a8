namespace CoupleConnect.Domain.Goals;

/// <summary>How often a goal asks for a check-in on the goals page (never by email).</summary>
public enum GoalRhythm
{
    None,
    Weekly,
    Monthly,
}

/// <summary>Where a goal stands. Done and let go are both endings, and neither is a failure.</summary>
public enum GoalStatus
{
    Active,
    Done,
    LetGo,
}
