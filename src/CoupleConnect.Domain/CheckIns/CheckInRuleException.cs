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
    SwapOnlyToday,
    AlreadySwappedToday,
    SwapAfterAnAnswer,
    QuestionChanged,
    RevealNeedsBothAnswers,
}

/// <summary>A refused check-in action. Messages are safe to show and never contain anyone's answer.</summary>
public sealed class CheckInRuleException(CheckInRule rule) : Exception(MessageFor(rule))
{
    public CheckInRule Rule { get; } = rule;

    public static string MessageFor(CheckInRule rule) => rule switch
    {
        CheckInRule.OutsideAnswerWindow => $"Questions can be answered on their day and up to {DailyQuestion.AnswerWindowDays - 1} days later; this one is no longer open.",
        CheckInRule.AnswerLocked => "Both of you have answered, so the answers are now shared and can't be changed.",
        CheckInRule.NotRevealedYet => "You can reflect back once both answers are shared.",
        CheckInRule.NoSuchAnswer => "That answer isn't there any more.",
        CheckInRule.NoSuchReflection => "There's no reflection to respond to yet.",
        CheckInRule.NotYourAnswer => "Only the person who wrote the answer can say whether the reflection got it right.",
        CheckInRule.ReflectionAlreadyConfirmed => "Your partner said \"That's it\", so this reflection is complete.",
        CheckInRule.SwapOnlyToday => "Only today's question can be swapped; earlier days keep the question they had.",
        CheckInRule.AlreadySwappedToday => "You've already swapped today's question once. Tomorrow brings a fresh one.",
        CheckInRule.SwapAfterAnAnswer => "Someone has already answered today's question, so it stays: swapping now would leave that answer without its question.",
        CheckInRule.QuestionChanged => "Today's question was swapped for a new one a moment ago. Your words are still in the box: have a look at the new question, then share them.",
        CheckInRule.RevealNeedsBothAnswers => "You can tap Reveal once you've both answered.",
        _ => "That didn't work. Nothing was changed.",
    };
}
