using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using static CoupleConnect.Domain.Tests.Couples.Pairing;

namespace CoupleConnect.Domain.Tests.Couples;

public class FormingACoupleByAcceptingAnInvite
{
    [Fact]
    public void HasExactlyTheInviterAndThePartnerAsActiveMembersJoinedNow()
    {
        var clock = Clock();
        var invite = InviteFrom(Alex, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(3));

        var couple = invite.Accept(Alex, Sam, inviterIsPaired: false, partnerIsPaired: false, clock.GetUtcNow());

        Assert.Collection(
            couple.Members,
            inviter =>
            {
                Assert.Equal(Alex.UserId, inviter.UserId);
                Assert.Equal(couple.Id, inviter.CoupleId);
                Assert.Equal(Start.AddHours(3), inviter.JoinedAt);
                Assert.True(inviter.IsActive);
                Assert.Null(inviter.LeftAt);
            },
            partner =>
            {
                Assert.Equal(Sam.UserId, partner.UserId);
                Assert.Equal(couple.Id, partner.CoupleId);
                Assert.Equal(Start.AddHours(3), partner.JoinedAt);
                Assert.True(partner.IsActive);
                Assert.Null(partner.LeftAt);
            });
        Assert.True(couple.HasActiveMember(Alex.UserId));
        Assert.True(couple.HasActiveMember(Sam.UserId));
        Assert.False(couple.HasActiveMember(Robin.UserId));
    }

    [Fact]
    public void IsActiveAndCreatedNowWithNoAnniversary()
    {
        var couple = AlexAndSam(Clock());

        Assert.True(couple.IsActive);
        Assert.NotEqual(Guid.Empty, couple.Id);
        Assert.Equal(Start, couple.CreatedAt);
        Assert.Null(couple.EndedAt);
        Assert.Null(couple.EndedById);
        Assert.Null(couple.ArchiveAvailableUntil);
        Assert.Null(couple.Anniversary);
    }

    [Fact]
    public void IsNamedAfterBothWithTheInviterFirst()
    {
        var alexInvited = AlexAndSam(Clock());
        var samInvited = InviteFrom(Sam, Start).Accept(Sam, Alex, inviterIsPaired: false, partnerIsPaired: false, Start);

        Assert.Equal("Alex & Sam", alexInvited.Name);
        Assert.Equal("Sam & Alex", samInvited.Name);
    }

    [Fact]
    public void TakesTheInvitersHomeTimeZone()
    {
        var alexInvited = AlexAndSam(Clock());
        var samInvited = InviteFrom(Sam, Start).Accept(Sam, Alex, inviterIsPaired: false, partnerIsPaired: false, Start);

        Assert.Equal("Europe/Berlin", alexInvited.HomeTimeZoneId);
        Assert.Equal("America/New_York", samInvited.HomeTimeZoneId);
    }

    [Fact]
    public void EachPartnerIsTheOthersPartner()
    {
        var couple = AlexAndSam(Clock());

        Assert.Equal(Sam.UserId, couple.PartnerOf(Alex.UserId));
        Assert.Equal(Alex.UserId, couple.PartnerOf(Sam.UserId));
    }

    [Fact]
    public void AStrangerHasNoPartnerInIt()
    {
        var couple = AlexAndSam(Clock());

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.PartnerOf(Robin.UserId));

        Assert.Equal(CoupleRule.NotAMember, refusal.Rule);
    }

    [Fact]
    public void LongDisplayNamesGiveAShortenedDefaultName()
    {
        var longInviter = Alex with { DisplayName = new string('a', 40) };
        var longPartner = Sam with { DisplayName = new string('b', 40) };

        var couple = InviteFrom(longInviter, Start).Accept(longInviter, longPartner, inviterIsPaired: false, partnerIsPaired: false, Start);

        Assert.Equal(CoupleName.MaxLength, couple.Name.Length);
        Assert.EndsWith("…", couple.Name, StringComparison.Ordinal);
        Assert.StartsWith(new string('a', 40) + " & b", couple.Name, StringComparison.Ordinal);
        Assert.True(CoupleName.TryParse(couple.Name, out _, out var problem), problem);
    }

    [Fact]
    public void ADefaultNameOfExactlySixtyCharactersIsKeptWhole()
    {
        var sixty = CoupleName.Default(new string('a', 28), new string('b', 29));

        Assert.Equal(60, sixty.Value.Length);
        Assert.EndsWith("b", sixty.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ADefaultNameOfSixtyOneCharactersIsShortenedToSixty()
    {
        var shortened = CoupleName.Default(new string('a', 29), new string('b', 29));

        Assert.Equal(60, shortened.Value.Length);
        Assert.Equal(new string('a', 29) + " & " + new string('b', 27) + "…", shortened.Value);
    }
}

public class LeavingACouple
{
    [Theory]
    [InlineData("alex-id")]
    [InlineData("sam-id")]
    public void EitherMemberLeavingEndsTheCoupleForBoth(string leaver)
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        clock.Advance(TimeSpan.FromDays(100));

        couple.Leave(leaver, clock.GetUtcNow());

        Assert.False(couple.IsActive);
        Assert.Equal(Start.AddDays(100), couple.EndedAt);
        Assert.Equal(leaver, couple.EndedById);
        Assert.Equal(2, couple.Members.Count);
        Assert.All(couple.Members, member =>
        {
            Assert.Equal(Start.AddDays(100), member.LeftAt);
            Assert.False(member.IsActive);
        });
        Assert.False(couple.HasActiveMember(Alex.UserId));
        Assert.False(couple.HasActiveMember(Sam.UserId));
    }

    [Theory]
    [InlineData("alex-id")]
    [InlineData("sam-id")]
    public void LeavingAnEndedCoupleIsRefusedAndChangesNothing(string secondLeaver)
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.Leave(Alex.UserId, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.Leave(secondLeaver, clock.GetUtcNow()));

        Assert.Equal(CoupleRule.CoupleEnded, refusal.Rule);
        Assert.Equal(Start, couple.EndedAt);
        Assert.Equal(Alex.UserId, couple.EndedById);
        Assert.All(couple.Members, member => Assert.Equal(Start, member.LeftAt));
    }

    [Fact]
    public void AStrangerCannotLeaveIt()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.Leave(Robin.UserId, clock.GetUtcNow()));

        Assert.Equal(CoupleRule.NotAMember, refusal.Rule);
        Assert.True(couple.IsActive);
        Assert.Null(couple.EndedAt);
        Assert.All(couple.Members, member => Assert.True(member.IsActive));
    }

    [Fact]
    public void AnEndedCoupleCannotBeRenamed()
    {
        var couple = EndedCouple();

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.Rename(Sam.UserId, ParseName("Still us")));

        Assert.Equal(CoupleRule.CoupleEnded, refusal.Rule);
        Assert.Equal("Alex & Sam", couple.Name);
    }

    [Fact]
    public void AnEndedCoupleCannotChangeItsHomeTimeZone()
    {
        var couple = EndedCouple();

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.ChangeHomeTimeZone(Sam.UserId, TimeZoneId.Parse("Asia/Tokyo")));

        Assert.Equal(CoupleRule.CoupleEnded, refusal.Rule);
        Assert.Equal("Europe/Berlin", couple.HomeTimeZoneId);
    }

    [Fact]
    public void AnEndedCoupleCannotSetItsAnniversary()
    {
        var couple = EndedCouple();

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.SetAnniversary(Alex.UserId, new DateOnly(2020, 2, 14), new DateOnly(2026, 11, 25)));

        Assert.Equal(CoupleRule.CoupleEnded, refusal.Rule);
        Assert.Null(couple.Anniversary);
    }

    private static Couple EndedCouple()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.Leave(Alex.UserId, clock.GetUtcNow());
        return couple;
    }

    private static CoupleName ParseName(string value) =>
        CoupleName.TryParse(value, out var name, out var problem) ? name! : throw new InvalidOperationException(problem);
}

public class AnEndedCouplesArchive
{
    [Fact]
    public void IsKeptForThirtyDaysAfterTheCoupleEnds()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        clock.Advance(TimeSpan.FromDays(10));

        couple.Leave(Sam.UserId, clock.GetUtcNow());

        Assert.Equal(TimeSpan.FromDays(30), Couple.ArchiveRetention);
        Assert.Equal(Start.AddDays(40), couple.ArchiveAvailableUntil);
    }

    [Theory]
    [InlineData("alex-id")]
    [InlineData("sam-id")]
    public void IsAvailableToEitherFormerMemberUntilOneTickBeforeThirtyDays(string formerMember)
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.Leave(Sam.UserId, clock.GetUtcNow());

        Assert.True(couple.IsArchiveAvailableTo(formerMember, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromTicks(1));
        Assert.True(couple.IsArchiveAvailableTo(formerMember, clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("alex-id")]
    [InlineData("sam-id")]
    public void IsNoLongerAvailableAtExactlyThirtyDays(string formerMember)
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.Leave(Sam.UserId, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(30));

        Assert.False(couple.IsArchiveAvailableTo(formerMember, clock.GetUtcNow()));
    }

    [Fact]
    public void IsNeverAvailableToAStranger()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.Leave(Alex.UserId, clock.GetUtcNow());

        Assert.False(couple.IsArchiveAvailableTo(Robin.UserId, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(couple.IsArchiveAvailableTo(Robin.UserId, clock.GetUtcNow()));
    }

    [Fact]
    public void DoesNotExistWhileTheCoupleIsActive()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        Assert.False(couple.IsArchiveAvailableTo(Alex.UserId, clock.GetUtcNow()));
        Assert.False(couple.IsArchiveAvailableTo(Sam.UserId, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(45));
        Assert.False(couple.IsArchiveAvailableTo(Alex.UserId, clock.GetUtcNow()));
    }
}

public class RenamingACouple
{
    [Theory]
    [InlineData("alex-id")]
    [InlineData("sam-id")]
    public void EitherMemberCanRenameIt(string member)
    {
        var couple = AlexAndSam(Clock());
        Assert.True(CoupleName.TryParse("  Zoë & José 💛 ", out var name, out _));

        couple.Rename(member, name!);

        Assert.Equal("Zoë & José 💛", couple.Name);
    }

    [Fact]
    public void AStrangerCannotRenameIt()
    {
        var couple = AlexAndSam(Clock());
        Assert.True(CoupleName.TryParse("Hijacked", out var name, out _));

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.Rename(Robin.UserId, name!));

        Assert.Equal(CoupleRule.NotAMember, refusal.Rule);
        Assert.Equal("Alex & Sam", couple.Name);
    }
}

public class SettingTheAnniversary
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void RefusesADateAfterToday()
    {
        var couple = AlexAndSam(Clock());

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.SetAnniversary(Alex.UserId, Today.AddDays(1), Today));

        Assert.Equal(CoupleRule.AnniversaryInFuture, refusal.Rule);
        Assert.Null(couple.Anniversary);
    }

    [Fact]
    public void RefusingAFutureDateKeepsTheEarlierAnniversary()
    {
        var couple = AlexAndSam(Clock());
        couple.SetAnniversary(Alex.UserId, new DateOnly(2019, 6, 1), Today);

        Assert.Throws<CoupleRuleException>(() => couple.SetAnniversary(Sam.UserId, new DateOnly(2030, 1, 1), Today));

        Assert.Equal(new DateOnly(2019, 6, 1), couple.Anniversary);
    }

    [Theory]
    [InlineData(2026, 11, 25)] // today
    [InlineData(2026, 11, 24)]
    [InlineData(2019, 2, 14)]
    [InlineData(1970, 1, 1)]
    public void AcceptsTodayAndPastDates(int year, int month, int day)
    {
        var couple = AlexAndSam(Clock());
        var date = new DateOnly(year, month, day);

        couple.SetAnniversary(Sam.UserId, date, Today);

        Assert.Equal(date, couple.Anniversary);
    }

    [Fact]
    public void NoDateClearsIt()
    {
        var couple = AlexAndSam(Clock());
        couple.SetAnniversary(Alex.UserId, new DateOnly(2019, 2, 14), Today);

        couple.SetAnniversary(Sam.UserId, null, Today);

        Assert.Null(couple.Anniversary);
    }

    [Fact]
    public void AStrangerCannotSetIt()
    {
        var couple = AlexAndSam(Clock());

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.SetAnniversary(Robin.UserId, new DateOnly(2019, 2, 14), Today));

        Assert.Equal(CoupleRule.NotAMember, refusal.Rule);
        Assert.Null(couple.Anniversary);
    }
}

public class ChangingTheHomeTimeZone
{
    [Theory]
    [InlineData("alex-id")]
    [InlineData("sam-id")]
    public void EitherMemberCanChangeIt(string member)
    {
        var couple = AlexAndSam(Clock());

        couple.ChangeHomeTimeZone(member, TimeZoneId.Parse("Asia/Kolkata"));

        Assert.Equal("Asia/Kolkata", couple.HomeTimeZoneId);
    }

    [Fact]
    public void AStrangerCannotChangeIt()
    {
        var couple = AlexAndSam(Clock());

        var refusal = Assert.Throws<CoupleRuleException>(() => couple.ChangeHomeTimeZone(Robin.UserId, TimeZoneId.Parse("Asia/Kolkata")));

        Assert.Equal(CoupleRule.NotAMember, refusal.Rule);
        Assert.Equal("Europe/Berlin", couple.HomeTimeZoneId);
    }
}
