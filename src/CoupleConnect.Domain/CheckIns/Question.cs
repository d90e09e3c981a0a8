namespace CoupleConnect.Domain.CheckIns;

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
