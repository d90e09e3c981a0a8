namespace CoupleConnect.Domain.Couples;

/// <summary>Why a pairing action was refused; each reason has one message people see.</summary>
public enum CoupleRule
{
    InviteExpired,
    InviteAlreadyUsed,
    InviteRevoked,
    OwnInvite,
    AlreadyPaired,
    InviterAlreadyPaired,
    NotAMember,
    CoupleEnded,
    AnniversaryInFuture,
    QuietLeaveDelay,

    RevealTogetherIsOff,
    NoRequestToEndRevealTogether,
    OwnRequestToEndRevealTogether,
}

/// <summary>A refused state change. Messages are safe to show: they never contain another person's data.</summary>
public sealed class CoupleRuleException(CoupleRule rule) : Exception(MessageFor(rule))
{
    public CoupleRule Rule { get; } = rule;

    public static string MessageFor(CoupleRule rule) => rule switch
    {
        CoupleRule.InviteExpired => "This invite has expired. Invites last 72 hours; ask your partner to send a new one.",
        CoupleRule.InviteAlreadyUsed => "This invite has already been used. Ask your partner for a new one.",
        CoupleRule.InviteRevoked => "This invite was withdrawn. Ask your partner for a new one.",
        CoupleRule.OwnInvite => "This is your own invite. Send it to your partner so they can join you.",
        CoupleRule.AlreadyPaired => "You're already connected with a partner. To join someone else, leave your current couple first.",
        CoupleRule.InviterAlreadyPaired => "The person who sent this invite is already connected with someone else.",
        CoupleRule.NotAMember => "You're not part of this couple.",
        CoupleRule.CoupleEnded => "This couple has ended; its history is read-only.",
        CoupleRule.AnniversaryInFuture => "An anniversary can't be in the future.",
        CoupleRule.QuietLeaveDelay => "Choose when your partner is told: between an hour and 7 days from now.",

        CoupleRule.RevealTogetherIsOff => "Reveal together is already off.",
        CoupleRule.NoRequestToEndRevealTogether => "There's no request to turn reveal together off right now.",
        CoupleRule.OwnRequestToEndRevealTogether => "You asked to turn reveal together off; it goes off once your partner agrees too.",
        _ => "That didn't work. Nothing was changed.",
    };
}
