using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// The addresses a person types or bookmarks for the daily question (/today, /checkin, /checkin/today,
/// /checkin/yesterday) open the couple's question of that day, not "That isn't a day we understand".
/// </summary>
public sealed class NaturalCheckInAddresses(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NotUnderstood = "That isn't a day we understand";

    [Fact]
    public async Task TodayAndItsShortAddressesOpenTodaysQuestionAndYesterdayOpensYesterdays()
    {
        var couple = await app.Driver.PairNewAsync();
        var today = await app.Driver.TodaysQuestionAsync(couple.Inviter);
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(couple.Inviter.Email, AppFixture.Password);

        foreach (var address in new[] { "/today", "/checkin", "/checkin/today", "/checkin/Today", $"/checkin/{today.Day:yyyy-MM-dd}" })
        {
            var page = await browser.GetPageAsync(address);
            Assert.True(CoupleScopedRoutes.Shows(page, today.QuestionText), $"{address} does not show today's question.");
            Assert.True(CoupleScopedRoutes.Shows(page, "Today's question") || address.Contains('-', StringComparison.Ordinal), $"{address} is not headed as today's question.");
            Assert.False(CoupleScopedRoutes.Shows(page, NotUnderstood), $"{address} is not understood.");
        }

        // Nobody opened yesterday (the couple paired today): the page says so, for that day, and understands the address.
        var yesterday = await browser.GetPageAsync("/checkin/yesterday");
        Assert.False(CoupleScopedRoutes.Shows(yesterday, NotUnderstood), "/checkin/yesterday is not understood.");
        Assert.False(CoupleScopedRoutes.Shows(yesterday, today.QuestionText), "/checkin/yesterday shows today's question.");
        Assert.True(CoupleScopedRoutes.Shows(yesterday, "There's no question for that day"), "/checkin/yesterday does not say there was no question.");
    }

    [Fact]
    public async Task AnAddressThatNamesNoDaySaysWhichOnesWork()
    {
        var couple = await app.Driver.PairNewAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(couple.Inviter.Email, AppFixture.Password);

        foreach (var address in new[] { "/checkin/tomorrow", "/checkin/2026-13-01", "/checkin/25.11.2026" })
        {
            var page = await browser.GetPageAsync(address);
            Assert.True(CoupleScopedRoutes.Shows(page, NotUnderstood), $"{address} is understood.");
            Assert.False(CoupleScopedRoutes.Shows(page, "Today's question"), $"{address} is headed as today's question.");
            Assert.Contains("href=\"checkin/today\"", page, StringComparison.Ordinal);
        }
    }
}
