namespace CoupleConnect.Domain.CheckIns;

public enum CheckInRule
{
    OutsideAnswerWindow,
    AnswerLocked,
    NotRevealedYet,
    NoSuchAnswer,
    NoSuchReflection,
    NotYourAnswer,
    ReflectionAlreadyConfirmed,
}

/// <summary>A refused check-in action. Messages are safe to show and never contain anyone's answer.</summary>
public sealed class CheckInRuleException(CheckInRule rule) : Exception(MessageFor(rule))
{
    public CheckInRule Rule { get; } = rule;

    public static string MessageFor(CheckInRule rule) => rule switch
    {
        CheckInRule.OutsideAnswerWindow => $"Questions can be answered on their day and up to {DailyQuestion.AnswerWindowDays - 1} days later; this one is no longer open.",
        CheckInRule.AnswerLocked => "Both of you have answered, so the answers are now shared and can't be changed.",
        CheckInRule.NotRevealedYet => "You can reflect back once you've both answered.",
        CheckInRule.NoSuchAnswer => "That answer isn't there any more.",
        CheckInRule.NoSuchReflection => "There's no reflection to respond to yet.",
        CheckInRule.NotYourAnswer => "Only the person who wrote the answer can say whether the reflection got it right.",
        CheckInRule.ReflectionAlreadyConfirmed => "Your partner said \"That's it\", so this reflection is complete.",
        _ => "That didn't work. Nothing was changed.",
    };
}
