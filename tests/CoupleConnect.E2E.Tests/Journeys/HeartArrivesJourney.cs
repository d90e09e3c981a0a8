using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 15 item 2 on two phones: Sam sends Alex a heart for Alex's answer; Alex's open page says so in words without a
/// reload, and Alex's latest small positives show it with a way back to the question.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class HeartArrivesJourney(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task SamSendsAHeartAndAlexSeesItLiveAndAmongTheLatestPositives()
    {
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"));
        try
        {
            await OpenTodayAsync(alex);
            await OpenTodayAsync(sam);
            var alexCard = new QuestionCardSection(alex);
            var samCard = new QuestionCardSection(sam);
            await alexCard.AnswerAsync("The morning you brought me coffee without being asked.");
            await samCard.AnswerAsync("Dancing in the kitchen on a Tuesday.");
            await alexCard.ExpectStateAsync("Revealed");

            var heartOnAlexsAnswer = alexCard.Card.Locator("#my-answer-heart");
            await Expect(heartOnAlexsAnswer).ToHaveCountAsync(0);
            await samCard.SendHeart("Alex").TapAsync();

            // Alex's page, open the whole time, hears it.
            await Expect(heartOnAlexsAnswer).ToHaveTextAsync("Sam sent you a heart for this");
            await Shot(alex, "heart-01-alex-live");

            // And it is one of Alex's latest small positives, linking back to the question.
            await new HomePage(alex).OpenAsync();
            var entry = new PositiveFeedSection(alex).Entry("Sam sent you a heart");
            await Expect(entry).ToBeVisibleAsync();
            await Expect(entry.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("checkin/"));
            await Shot(alex, "heart-02-alex-latest-positives");
        }
        catch
        {
            await Shot(alex, "failure-heart-alex");
            await Shot(sam, "failure-heart-sam");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private static async Task OpenTodayAsync(IPage page)
    {
        await page.GotoAsync("today");
        await page.WaitUntilInteractiveAsync();
        await new QuestionCardSection(page).ExpectStateAsync("NotAnswered");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
