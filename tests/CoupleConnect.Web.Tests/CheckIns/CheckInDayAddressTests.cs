using CoupleConnect.Web.Features.CheckIns;

namespace CoupleConnect.Web.Tests.CheckIns;

public sealed class CheckInDayAddressTests
{
    private static readonly DateOnly CoupleToday = new(2026, 3, 1);

    [Theory]
    [InlineData(null, "2026-03-01")]
    [InlineData("", "2026-03-01")]
    [InlineData("today", "2026-03-01")]
    [InlineData(" Today ", "2026-03-01")]
    [InlineData("yesterday", "2026-02-28")]
    [InlineData("YESTERDAY", "2026-02-28")]
    [InlineData("2025-11-25", "2025-11-25")]
    [InlineData("2025-11-5", "2025-11-05")]
    public void ANaturalAddressNamesTheCouplesDay(string? text, string expected)
    {
        Assert.True(CheckInDayAddress.TryParse(text, out var address));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), address.On(CoupleToday));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01")]
    [InlineData("25.11.2026")]
    [InlineData("last week")]
    public void AnythingElseIsNotUnderstood(string text) => Assert.False(CheckInDayAddress.TryParse(text, out _));

    [Fact]
    public void OnlyRelativeAddressesNeedTheCouplesToday()
    {
        Assert.True(CheckInDayAddress.TryParse("2025-11-25", out var dated));
        Assert.True(CheckInDayAddress.TryParse("yesterday", out var relative));

        Assert.Equal((new DateOnly(2025, 11, 25), (DateOnly?)null), (dated.Date, relative.Date));
    }
}
