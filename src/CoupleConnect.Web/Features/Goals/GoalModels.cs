using CoupleConnect.Domain.Goals;

namespace CoupleConnect.Web.Features.Goals;

/// <summary>The "set a goal" and "change it" form.</summary>
public sealed class GoalInput
{
    public string? Name { get; set; }

    public string? Why { get; set; }

    public GoalRhythm Rhythm { get; set; } = GoalRhythm.None;
}

/// <summary>A check-in on a goal as a partner sees it.</summary>
public sealed record GoalNoteView(Guid Id, string Text, bool Mine, string AuthorName, DateOnly Day);

/// <summary>One goal as the goals page and the monthly reflection show it.</summary>
public sealed record GoalView(
    Guid Id,
    string Name,
    string? Why,
    GoalRhythm Rhythm,
    GoalStatus Status,
    DateOnly SetOn,
    string SetByName,
    DateOnly? KeptOn,
    DateOnly? EndedOn,
    bool CheckInDue,
    IReadOnlyList<GoalNoteView> Notes)
{
    public bool IsActive => Status == GoalStatus.Active;

    public GoalInput ToInput() => new() { Name = Name, Why = Why, Rhythm = Rhythm };
}

/// <summary>The goals page: the active goals (at most <see cref="Goal.MaxActive"/>) and the ended ones, newest first.</summary>
public sealed record GoalsView(string PartnerName, IReadOnlyList<GoalView> Active, IReadOnlyList<GoalView> History)
{
    public bool IsFull => Active.Count >= Goal.MaxActive;
}

/// <summary>How goals' words read in the app.</summary>
public static class GoalWords
{
    public static string Rhythm(GoalRhythm rhythm) => rhythm switch
    {
        GoalRhythm.Weekly => "Check in weekly",
        GoalRhythm.Monthly => "Check in monthly",
        _ => "No set rhythm",
    };

    public static string Status(GoalStatus status) => status switch
    {
        GoalStatus.Done => "Done",
        GoalStatus.LetGo => "Let go",
        _ => "Active",
    };

    /// <summary>Said wherever someone can let a goal go: renegotiating is part of it, not a failure.</summary>
    public const string LettingGoIsFine = Goal.LettingGoIsFine;
}
