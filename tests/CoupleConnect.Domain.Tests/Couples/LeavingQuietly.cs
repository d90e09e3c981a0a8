using CoupleConnect.Domain.Couples;
using static CoupleConnect.Domain.Tests.Couples.Pairing;

namespace CoupleConnect.Domain.Tests.Couples;

public class LeavingQuietly
{
    [Fact]
    public void TheLeaverIsOutAtOnceWhileThePartnersCoupleGoesOnUntold()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromDays(3), removeMyWords: true);

        Assert.True(couple.IsActive);
        Assert.True(couple.IsQuietLeavePending);
        Assert.False(couple.HasActiveMember(Alex.UserId));
        Assert.True(couple.HasActiveMember(Sam.UserId));
        Assert.Equal(Start, couple.Members.Single(member => member.UserId == Alex.UserId).LeftAt);
        Assert.Equal(Start.AddDays(3), couple.TellPartnerAt);
        Assert.Equal(Sam.UserId, couple.PartnerToTell);
        Assert.True(couple.RemoveLeaverWords);
        Assert.Null(couple.EndedAt);
    }

    [Fact]
    public void BeforeTheDelayIsOverNothingEnds()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromDays(2), removeMyWords: false);
        clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));

        Assert.False(couple.EndQuietLeaveIfDue(clock.GetUtcNow()));

        Assert.True(couple.IsActive);
        Assert.True(couple.HasActiveMember(Sam.UserId));
    }

    [Fact]
    public void AtTheChosenTimeTheCoupleEndsForThePartnerOnceAndTheLeaverIsNamedAsEndingIt()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromDays(2), removeMyWords: false);
        clock.Advance(TimeSpan.FromDays(2));

        Assert.True(couple.EndQuietLeaveIfDue(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(couple.EndQuietLeaveIfDue(clock.GetUtcNow()));

        Assert.False(couple.IsActive);
        Assert.False(couple.IsQuietLeavePending);
        Assert.Null(couple.PartnerToTell);
        Assert.Equal(Start.AddDays(2), couple.EndedAt);
        Assert.Equal(Alex.UserId, couple.EndedById);
        Assert.Equal(Start, couple.Members.Single(member => member.UserId == Alex.UserId).LeftAt);
        Assert.Equal(Start.AddDays(2), couple.Members.Single(member => member.UserId == Sam.UserId).LeftAt);
        Assert.True(couple.IsArchiveAvailableTo(Alex.UserId, clock.GetUtcNow()));
        Assert.True(couple.IsArchiveAvailableTo(Sam.UserId, clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(7 * 24 * 60 + 1)]
    [InlineData(-60)]
    public void ADelayOutsideAnHourToSevenDaysIsRefusedAndChangesNothing(int minutes)
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromMinutes(minutes), removeMyWords: true));

        Assert.Equal(CoupleRule.QuietLeaveDelay, refusal.Rule);
        Assert.False(couple.IsQuietLeavePending);
        Assert.All(couple.Members, member => Assert.True(member.IsActive));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(7 * 24 * 60)]
    public void TheBoundsThemselvesAreAllowed(int minutes)
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        couple.LeaveQuietly(Sam.UserId, clock.GetUtcNow(), TimeSpan.FromMinutes(minutes), removeMyWords: false);

        Assert.Equal(Start.AddMinutes(minutes), couple.TellPartnerAt);
        Assert.Equal(Alex.UserId, couple.PartnerToTell);
    }

    [Fact]
    public void TheLeaverCannotLeaveAgainOrActInTheCouple()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromDays(1), removeMyWords: false);

        Assert.Equal(CoupleRule.NotAMember, Assert.Throws<CoupleRuleException>(() => couple.Leave(Alex.UserId, clock.GetUtcNow())).Rule);
        Assert.Equal(CoupleRule.NotAMember, Assert.Throws<CoupleRuleException>(() => couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromDays(1), false)).Rule);
        Assert.Equal(CoupleRule.NotAMember, Assert.Throws<CoupleRuleException>(() => couple.Rename(Alex.UserId, CoupleName.Default("Alex", "Sam"))).Rule);
        Assert.True(couple.IsQuietLeavePending);
    }

    [Fact]
    public void WhenTheUntoldPartnerLeavesTooTheCoupleEndsAndNobodyIsOwedANotice()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.LeaveQuietly(Alex.UserId, clock.GetUtcNow(), TimeSpan.FromDays(5), removeMyWords: false);
        clock.Advance(TimeSpan.FromDays(1));

        var toTell = couple.Leave(Sam.UserId, clock.GetUtcNow());

        Assert.Null(toTell);
        Assert.False(couple.IsActive);
        Assert.Equal(Sam.UserId, couple.EndedById);
        Assert.False(couple.EndQuietLeaveIfDue(clock.GetUtcNow().AddDays(5)));
    }

    [Fact]
    public void LeavingTheOrdinaryWayTellsThePartner()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        Assert.Equal(Sam.UserId, couple.Leave(Alex.UserId, clock.GetUtcNow()));
    }
}
