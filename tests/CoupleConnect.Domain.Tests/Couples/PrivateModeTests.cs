using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using static CoupleConnect.Domain.Tests.Couples.Pairing;

namespace CoupleConnect.Domain.Tests.Couples;

public class PrivateModeTests
{
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    [Theory]
    [InlineData("2026-11-25T08:00:00Z")]
    [InlineData("2026-11-25T22:59:00Z")]
    [InlineData("2026-11-24T23:30:00Z")]
    public void EverythingWrittenOnOneLocalDayReachesThePartnerTheNextMorningInTheHomeZone(string writtenAt)
    {
        var seen = PrivateMode.PartnerSeesFrom(DateTimeOffset.Parse(writtenAt, System.Globalization.CultureInfo.InvariantCulture), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero), seen);
    }

    [Fact]
    public void AMorningAfterTheClocksGoForwardIsStillSixInTheMorning()
    {
        var seen = PrivateMode.PartnerSeesFrom(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), Berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 4, 0, 0, TimeSpan.Zero), seen);
    }

    [Fact]
    public void WithPrivateModeOffNothingIsHeld()
    {
        Assert.Null(PrivateMode.HoldFor(authorIsPrivate: false, Start, Berlin));
        Assert.True(PrivateMode.IsVisible(null, Start));
    }

    [Fact]
    public void EachPersonSwitchesOnlyTheirOwn()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);

        couple.ChoosePrivateMode(Sam.UserId, on: true, clock.GetUtcNow());

        Assert.True(couple.IsPrivate(Sam.UserId));
        Assert.False(couple.IsPrivate(Alex.UserId));
        Assert.Throws<CoupleRuleException>(() => couple.ChoosePrivateMode(Robin.UserId, on: true, clock.GetUtcNow()));
    }

    [Fact]
    public void TurningItOffAndOnStartsAFreshPeriod()
    {
        var clock = Clock();
        var couple = AlexAndSam(clock);
        couple.ChoosePrivateMode(Sam.UserId, on: true, clock.GetUtcNow());
        couple.ChoosePrivateMode(Sam.UserId, on: false, clock.GetUtcNow());

        Assert.False(couple.IsPrivate(Sam.UserId));
    }
}
