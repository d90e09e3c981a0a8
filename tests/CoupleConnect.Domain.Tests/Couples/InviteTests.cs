using CoupleConnect.Domain.Couples;
using static CoupleConnect.Domain.Tests.Couples.Pairing;

namespace CoupleConnect.Domain.Tests.Couples;

public class AnInviteJustIssued
{
    [Fact]
    public void IsPendingAndLastsSeventyTwoHours()
    {
        var clock = Clock();

        var invite = InviteFrom(Alex, clock.GetUtcNow());

        Assert.Equal(InviteStatus.Pending, invite.StatusAt(clock.GetUtcNow()));
        Assert.Equal(TimeSpan.FromHours(72), Invite.Lifetime);
        Assert.Equal(Start, invite.CreatedAt);
        Assert.Equal(Start.AddHours(72), invite.ExpiresAt);
        Assert.Equal(Alex.UserId, invite.InviterId);
        Assert.Null(invite.RevokedAt);
        Assert.Null(invite.AcceptedAt);
        Assert.Null(invite.AcceptedById);
    }

    [Fact]
    public void CanBeAcceptedBySomeoneElse()
    {
        var invite = InviteFrom(Alex, Start);

        invite.EnsureAcceptableBy(Sam.UserId, Start);
    }

    [Fact]
    public void IsFoundByTheHashesOfItsSecret()
    {
        var secret = InviteSecret.Generate(Pairing.CodeKey);

        var invite = Invite.Issue(Alex.UserId, secret, [], Start);

        Assert.Equal(InviteSecret.HashToken(secret.Token), invite.TokenHash);
        Assert.Equal(InviteSecret.HashCode(secret.Code, Pairing.CodeKey), invite.CodeHash);
    }
}

public class AnInviteExpiring
{
    [Fact]
    public void IsStillPendingOneTickBeforeSeventyTwoHours()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromTicks(1));

        Assert.Equal(InviteStatus.Pending, invite.StatusAt(clock.GetUtcNow()));
        invite.EnsureAcceptableBy(Sam.UserId, clock.GetUtcNow());
    }

    [Fact]
    public void CanStillBeAcceptedOneTickBeforeSeventyTwoHours()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromTicks(1));

        var couple = invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());

        Assert.True(couple.IsActive);
        Assert.Equal(InviteStatus.Accepted, invite.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void ExpiresAtExactlySeventyTwoHours()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(72));

        Assert.Equal(InviteStatus.Expired, invite.StatusAt(clock.GetUtcNow()));
        var refusal = Assert.Throws<CoupleRuleException>(() => invite.EnsureAcceptableBy(Sam.UserId, clock.GetUtcNow()));
        Assert.Equal(CoupleRule.InviteExpired, refusal.Rule);
    }

    [Fact]
    public void CannotBeAcceptedOnceExpiredAndStaysUnused()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(72));

        var refusal = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow()));

        Assert.Equal(CoupleRule.InviteExpired, refusal.Rule);
        Assert.Null(invite.AcceptedAt);
        Assert.Null(invite.AcceptedById);
    }

    [Fact]
    public void StaysExpiredLongAfterwards()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(365));

        Assert.Equal(InviteStatus.Expired, invite.StatusAt(clock.GetUtcNow()));
    }
}

public class AcceptingAnInvite
{
    [Fact]
    public void RecordsWhenAndByWhomItWasAccepted()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(5));

        invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());

        Assert.Equal(Start.AddHours(5), invite.AcceptedAt);
        Assert.Equal(Sam.UserId, invite.AcceptedById);
        Assert.Equal(InviteStatus.Accepted, invite.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void RefusesTheInviterTheirOwnInvite()
    {
        var invite = InviteFrom(Alex, Start);

        var check = Assert.Throws<CoupleRuleException>(() => invite.EnsureAcceptableBy(Alex.UserId, Start));
        var accept = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Alex, inviterIsPaired: false, partnerIsPaired: false, Start));

        Assert.Equal(CoupleRule.OwnInvite, check.Rule);
        Assert.Equal(CoupleRule.OwnInvite, accept.Rule);
        Assert.Null(invite.AcceptedAt);
    }

    [Fact]
    public void RefusesSomeoneWhoIsAlreadyPairedAndLeavesTheInviteUnused()
    {
        var invite = InviteFrom(Alex, Start);

        var refusal = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: true, Start));

        Assert.Equal(CoupleRule.AlreadyPaired, refusal.Rule);
        Assert.Null(invite.AcceptedAt);
        Assert.Null(invite.AcceptedById);
        Assert.Equal(InviteStatus.Pending, invite.StatusAt(Start));
    }

    [Fact]
    public void CanStillBeAcceptedAfterARefusalBecauseThePartnerWasPaired()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        Assert.Throws<CoupleRuleException>(() => invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: true, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromHours(1)); // Sam left their old couple meanwhile
        var couple = invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());

        Assert.True(couple.HasActiveMember(Sam.UserId));
        Assert.Equal(Sam.UserId, invite.AcceptedById);
    }

    [Fact]
    public void RefusesWhenTheInviterIsAlreadyPairedAndLeavesTheInviteUnused()
    {
        var invite = InviteFrom(Alex, Start);

        var refusal = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Sam, inviterIsPaired: true, partnerIsPaired: false, Start));

        Assert.Equal(CoupleRule.InviterAlreadyPaired, refusal.Rule);
        Assert.Null(invite.AcceptedAt);
        Assert.Null(invite.AcceptedById);
    }

    [Fact]
    public void RefusesAnInviterWhoDidNotIssueIt()
    {
        var invite = InviteFrom(Alex, Start);

        Assert.Throws<ArgumentException>(() => invite.Accept(Robin, Sam, inviterIsPaired: false, partnerIsPaired: false, Start));
        Assert.Null(invite.AcceptedAt);
    }
}

public class AnInviteIsSingleUse
{
    [Fact]
    public void RefusesASecondAcceptBySamePerson()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));

        var refusal = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow()));

        Assert.Equal(CoupleRule.InviteAlreadyUsed, refusal.Rule);
        Assert.Equal(Start, invite.AcceptedAt);
    }

    [Fact]
    public void RefusesASecondAcceptBySomeoneElse()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(1));

        var check = Assert.Throws<CoupleRuleException>(() => invite.EnsureAcceptableBy(Robin.UserId, clock.GetUtcNow()));
        var accept = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Robin, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow()));

        Assert.Equal(CoupleRule.InviteAlreadyUsed, check.Rule);
        Assert.Equal(CoupleRule.InviteAlreadyUsed, accept.Rule);
        Assert.Equal(Sam.UserId, invite.AcceptedById);
        Assert.Equal(Start, invite.AcceptedAt);
    }

    [Fact]
    public void StaysUsedRatherThanExpiredAfterSeventyTwoHours()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(72));

        Assert.Equal(InviteStatus.Accepted, invite.StatusAt(clock.GetUtcNow()));
        var refusal = Assert.Throws<CoupleRuleException>(() => invite.EnsureAcceptableBy(Robin.UserId, clock.GetUtcNow()));
        Assert.Equal(CoupleRule.InviteAlreadyUsed, refusal.Rule);
    }
}

public class RevokingAnInvite
{
    [Fact]
    public void ARevokedInviteCannotBeAccepted()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));

        invite.Revoke(clock.GetUtcNow());

        Assert.Equal(Start.AddHours(1), invite.RevokedAt);
        Assert.Equal(InviteStatus.Revoked, invite.StatusAt(clock.GetUtcNow()));
        var check = Assert.Throws<CoupleRuleException>(() => invite.EnsureAcceptableBy(Sam.UserId, clock.GetUtcNow()));
        var accept = Assert.Throws<CoupleRuleException>(
            () => invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow()));
        Assert.Equal(CoupleRule.InviteRevoked, check.Rule);
        Assert.Equal(CoupleRule.InviteRevoked, accept.Rule);
        Assert.Null(invite.AcceptedAt);
    }

    [Fact]
    public void RevokingTwiceIsHarmlessAndKeepsTheFirstTime()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        invite.Revoke(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(2));

        invite.Revoke(clock.GetUtcNow());

        Assert.Equal(Start, invite.RevokedAt);
        Assert.Equal(InviteStatus.Revoked, invite.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void RevokingAUsedInviteIsRefusedAndItStaysUsed()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));

        var refusal = Assert.Throws<CoupleRuleException>(() => invite.Revoke(clock.GetUtcNow()));

        Assert.Equal(CoupleRule.InviteAlreadyUsed, refusal.Rule);
        Assert.Null(invite.RevokedAt);
        Assert.Equal(InviteStatus.Accepted, invite.StatusAt(clock.GetUtcNow()));
    }
}

public class IssuingANewInvite
{
    [Fact]
    public void RevokesEveryEarlierOpenInviteOfTheSameInviter()
    {
        var clock = Clock();
        var first = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        var second = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));

        var third = Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [first, second], clock.GetUtcNow());

        Assert.Equal(clock.GetUtcNow(), first.RevokedAt);
        Assert.Equal(clock.GetUtcNow(), second.RevokedAt);
        Assert.Equal(InviteStatus.Revoked, first.StatusAt(clock.GetUtcNow()));
        Assert.Equal(InviteStatus.Revoked, second.StatusAt(clock.GetUtcNow()));
        Assert.Equal(InviteStatus.Pending, third.StatusAt(clock.GetUtcNow()));
        Assert.Null(third.RevokedAt);
    }

    [Fact]
    public void AnEarlierInviteCanNoLongerBeAccepted()
    {
        var clock = Clock();
        var earlier = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(10));
        Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [earlier], clock.GetUtcNow());

        var refusal = Assert.Throws<CoupleRuleException>(
            () => earlier.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow()));

        Assert.Equal(CoupleRule.InviteRevoked, refusal.Rule);
    }

    [Fact]
    public void TheNewInviteIsPendingAndCanBeAccepted()
    {
        var clock = Clock();
        var earlier = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(3));

        var latest = Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [earlier], clock.GetUtcNow());
        var couple = latest.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());

        Assert.NotEqual(earlier.Id, latest.Id);
        Assert.Equal(clock.GetUtcNow().AddHours(72), latest.ExpiresAt);
        Assert.True(couple.IsActive);
    }

    [Fact]
    public void LeavesAnAcceptedInviteAlone()
    {
        var clock = Clock();
        var accepted = InviteFrom(Alex, clock.GetUtcNow());
        accepted.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(40)); // the couple ended meanwhile; Alex invites someone new

        var next = Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [accepted], clock.GetUtcNow());

        Assert.Null(accepted.RevokedAt);
        Assert.Equal(InviteStatus.Accepted, accepted.StatusAt(clock.GetUtcNow()));
        Assert.Equal(InviteStatus.Pending, next.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void LeavesOtherInvitersInvitesAlone()
    {
        var clock = Clock();
        var robins = InviteFrom(Robin, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));

        Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [robins], clock.GetUtcNow());

        Assert.Null(robins.RevokedAt);
        Assert.Equal(InviteStatus.Pending, robins.StatusAt(clock.GetUtcNow()));
    }

    [Fact]
    public void KeepsWhenAnEarlierInviteWasFirstRevoked()
    {
        var clock = Clock();
        var withdrawn = InviteFrom(Alex, clock.GetUtcNow());
        withdrawn.Revoke(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));

        Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [withdrawn], clock.GetUtcNow());

        Assert.Equal(Start, withdrawn.RevokedAt);
    }

    [Fact]
    public void WorksWithNoEarlierInvites()
    {
        var invite = Invite.Issue(Alex.UserId, InviteSecret.Generate(Pairing.CodeKey), [], Start);

        Assert.Equal(InviteStatus.Pending, invite.StatusAt(Start));
    }
}
