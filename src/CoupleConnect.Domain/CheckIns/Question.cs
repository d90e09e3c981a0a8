namespace CoupleConnect.Domain.CheckIns;

/// <summary>A question's topic. Couples may choose which topics they're asked about (none chosen means all).</summary>
public enum QuestionCategory
{
    Appreciation,
    FeelingCaredFor,
    Needs,
    Memories,
    DreamsAndGoals,
    HighsAndLows,
    Fun,
    Repair,
    Intimacy,
}

public enum QuestionDepth
{
    Light,
    Medium,
    Deep,
}

/// <summary>One question from the bank: specific and concrete, never "How are you?".</summary>
public sealed record Question(int Id, string Text, QuestionCategory Category, QuestionDepth Depth)
{
    public const int MaxLength = 200;
}
