using CoupleConnect.Domain.Couples;
using static CoupleConnect.Domain.Tests.Couples.Pairing;

namespace CoupleConnect.Domain.Tests.Couples;

public class RevealTogetherSetting
{
    [Fact]
    public void EitherPartnerTurnsItOnAlone()
    {
        var couple = AlexAndSam(Clock());

        couple.TurnOnRevealTogether(Sam.UserId);

        Assert.True(couple.RevealTogether);
    }

    [Fact]
    public void AskingToTurnItOffLeavesItOnUntilThePartnerAgrees()
    {
        var couple = RevealingTogether();

        var off = couple.AskToEndRevealTogether(Alex.UserId);

        Assert.False(off);
        Assert.True(couple.RevealTogether);
        Assert.Equal(Alex.UserId, couple.RevealTogetherEndAskedBy);
    }

    [Fact]
    public void ThePartnerAgreeingTurnsItOff()
    {
        var couple = RevealingTogether();
        couple.AskToEndRevealTogether(Alex.UserId);

        couple.AgreeToEndRevealTogether(Sam.UserId);

        Assert.False(couple.RevealTogether);
        Assert.Null(couple.RevealTogetherEndAskedBy);
    }

    [Fact]
    public void NobodyAgreesToTheirOwnRequest()
    {
        var couple = RevealingTogether();
        couple.AskToEndRevealTogether(Alex.UserId);

        var refused = Assert.Throws<CoupleRuleException>(() => couple.AgreeToEndRevealTogether(Alex.UserId));

        Assert.Equal(CoupleRule.OwnRequestToEndRevealTogether, refused.Rule);
        Assert.True(couple.RevealTogether);
    }

    [Fact]
    public void AskingTwiceAloneDoesNotTurnItOff()
    {
        var couple = RevealingTogether();
        couple.AskToEndRevealTogether(Alex.UserId);

        Assert.False(couple.AskToEndRevealTogether(Alex.UserId));
        Assert.True(couple.RevealTogether);
    }

    [Fact]
    public void BothAskingIsBothAgreeing()
    {
        var couple = RevealingTogether();
        couple.AskToEndRevealTogether(Alex.UserId);

        Assert.True(couple.AskToEndRevealTogether(Sam.UserId));
        Assert.False(couple.RevealTogether);
    }

    [Fact]
    public void ThePartnerCanKeepItOn()
    {
        var couple = RevealingTogether();
        couple.AskToEndRevealTogether(Alex.UserId);

        couple.KeepRevealTogether(Sam.UserId);

        Assert.True(couple.RevealTogether);
        Assert.Null(couple.RevealTogetherEndAskedBy);
        Assert.Throws<CoupleRuleException>(() => couple.AgreeToEndRevealTogether(Sam.UserId));
    }

    [Fact]
    public void SomeoneOutsideTheCoupleChangesNothing()
    {
        var couple = AlexAndSam(Clock());

        Assert.Throws<CoupleRuleException>(() => couple.TurnOnRevealTogether(Robin.UserId));
        Assert.False(couple.RevealTogether);
    }

    private static Couple RevealingTogether()
    {
        var couple = AlexAndSam(Clock());
        couple.TurnOnRevealTogether(Sam.UserId);
        return couple;
    }
}
