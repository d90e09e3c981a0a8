namespace CoupleConnect.Domain.Talks;

public enum TalkRule
{
    NotInThisTalk,
    NotYourAnswerToGive,
    NotWaitingForAnAnswer,
    TooEarlyToBegin,
    NotStartedYet,
    AlreadyOver,
    NotYourTurnToSpeak,
    NotYourTurnToReflect,
    NotYourTurnToConfirm,
    TimeIsUp,
    NotOverYet,
    NoSuchWords,
    StartTimeInThePast,
    StartTimeTooFarAhead,
    UnknownTimeBox,
}

/// <summary>A refused talk action. Messages are safe to show and never contain anything either partner wrote.</summary>
public sealed class TalkRuleException(TalkRule rule) : Exception(MessageFor(rule))
{
    public TalkRule Rule { get; } = rule;

    public static string MessageFor(TalkRule rule) => rule switch
    {
        TalkRule.NotInThisTalk => "This talk isn't one of yours.",
        TalkRule.NotYourAnswerToGive => "Your partner is the one to answer this invitation now.",
        TalkRule.NotWaitingForAnAnswer => "This invitation has already been answered.",
        TalkRule.TooEarlyToBegin => $"This talk can begin from {Talk.EarlyStart.TotalMinutes:0} minutes before its time.",
        TalkRule.NotStartedYet => "The talk hasn't begun yet.",
        TalkRule.AlreadyOver => "This talk has ended. You can still name one small thing you'll try, or plan a follow-up.",
        TalkRule.NotYourTurnToSpeak => "It's your partner's turn to speak. Listening is your part for now.",
        TalkRule.NotYourTurnToReflect => "Your partner is the one to say back what they heard.",
        TalkRule.NotYourTurnToConfirm => "Only the one who spoke can say whether the reflection got it.",
        TalkRule.TimeIsUp => "Your time together is up. Let this turn be the last one for today; you can plan a follow-up.",
        TalkRule.NotOverYet => "You can name one thing to try once the talk has ended.",
        TalkRule.NoSuchWords => "Those words aren't there any more.",
        TalkRule.StartTimeInThePast => "Please choose a time that hasn't passed yet, or \"Now\".",
        TalkRule.StartTimeTooFarAhead => $"Please choose a time within the next {Talk.MaxDaysAhead} days.",
        TalkRule.UnknownTimeBox => "Please choose 15, 30 or 45 minutes.",
        _ => "That didn't work. Nothing was changed.",
    };
}
