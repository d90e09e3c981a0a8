using CoupleConnect.Domain.Temperature;

namespace CoupleConnect.Domain.Tests.Temperature;

public class TemperatureTrendTests
{
    private static readonly DateOnly ThisWeek = new(2027, 3, 29);

    private static IEnumerable<TemperaturePoint> Points(params (int WeeksAgo, int Connected)[] points) =>
        points.Select(point => new TemperaturePoint(ThisWeek.AddDays(-7 * point.WeeksAgo), point.Connected));

    [Fact]
    public void ADropOfThreeForEitherPartnerSuggestsTimeTogether()
    {
        Assert.True(TemperatureTrend.SuggestsTimeTogether([Points((1, 8), (0, 5)), Points((1, 7), (0, 7))], ThisWeek));
        Assert.True(TemperatureTrend.SuggestsTimeTogether([Points((1, 7), (0, 7)), Points((1, 9), (0, 2))], ThisWeek));
    }

    [Fact]
    public void ADropOfTwoOrARiseSuggestsNothing()
    {
        Assert.False(TemperatureTrend.SuggestsTimeTogether([Points((1, 8), (0, 6)), Points((1, 3), (0, 9))], ThisWeek));
    }

    [Fact]
    public void TheDropIsAgainstThatPartnersPreviousAnsweredWeekEvenWithAGapBetween()
    {
        Assert.True(TemperatureTrend.SuggestsTimeTogether([Points((4, 9), (1, 6))], ThisWeek));
    }

    [Fact]
    public void AnOldDropIsHistoryNotASuggestion()
    {
        Assert.False(TemperatureTrend.SuggestsTimeTogether([Points((5, 9), (2, 4))], ThisWeek));
    }

    [Fact]
    public void OneWeekAloneCannotDrop()
    {
        Assert.False(TemperatureTrend.SuggestsTimeTogether([Points((0, 1)), Points()], ThisWeek));
    }

    [Fact]
    public void OnlyTheLatestChangeCountsSoARecoveryEndsTheSuggestion()
    {
        Assert.False(TemperatureTrend.SuggestsTimeTogether([Points((2, 9), (1, 4), (0, 8))], ThisWeek));
    }
}
