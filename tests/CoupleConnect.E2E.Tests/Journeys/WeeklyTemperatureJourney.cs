using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 18, item 2, on two 390x844 phones, light and dark: Alex answers the weekly temperature and sees it is private
/// until Sam answers; Sam's open page learns (without a reload) that Alex's answer is waiting, but not what it says;
/// Sam answers and both see both, Alex's page live. The home page's card then shows the week and the small gains.
/// axe finds nothing on any of these states; a screenshot of each.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class WeeklyTemperatureJourney(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] EveryImpact = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task BothAnswerTheWeeklyTemperatureAndBothSeeTheReveal(ColorScheme scheme)
    {
        var name = scheme.ToString().ToLowerInvariant();
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"), scheme);
        try
        {
            var alexsPage = new TemperaturePage(alex);
            var samsPage = new TemperaturePage(sam);
            await alexsPage.OpenAsync();
            await samsPage.OpenAsync();
            await Shot(alex, $"temperature-01-empty-{name}");
            await alex.AssertNoAxeViolationsAsync($"weekly temperature, unanswered ({name})", output, withSnackbars: false, EveryImpact);

            await alexsPage.AnswerAsync(8, "We cooked together on Tuesday", "A walk by the river");
            await Expect(alexsPage.PrivateNote).ToContainTextAsync("Only you can see this until Sam answers.");
            await Shot(alex, $"temperature-02-alex-waiting-{name}");
            await alex.AssertNoAxeViolationsAsync($"weekly temperature, answered and waiting ({name})", output, withSnackbars: false, EveryImpact);

            // Sam's page, open the whole time, learns that Alex answered, and nothing of what.
            await Expect(samsPage.PartnerWaiting).ToContainTextAsync("Alex has answered.");
            await Expect(sam.Locator("body")).Not.ToContainTextAsync("We cooked together");
            await Shot(sam, $"temperature-03-sam-partner-answered-{name}");

            await samsPage.AnswerAsync(6, "You listened when I was tired", "An early night together");
            await Expect(samsPage.Revealed).ToContainTextAsync("We cooked together on Tuesday");
            await Expect(alexsPage.Revealed).ToContainTextAsync("You listened when I was tired"); // live, no reload
            await Expect(alex.Locator("#temperature-partners [data-connected]")).ToHaveTextAsync("6");
            await Shot(alex, $"temperature-04-revealed-{name}");
            await alex.AssertNoAxeViolationsAsync($"weekly temperature, revealed ({name})", output, withSnackbars: false, EveryImpact);

            await sam.GotoAsync("");
            await sam.WaitUntilInteractiveAsync();
            var card = sam.Locator("#temperature-card");
            await Expect(card).ToContainTextAsync("We cooked together on Tuesday");
            await card.ScrollIntoViewIfNeededAsync();
            await Shot(sam, $"temperature-05-home-card-{name}");
            await sam.AssertNoAxeViolationsAsync($"home with the weekly temperature card ({name})", output, withSnackbars: false, EveryImpact);
        }
        catch
        {
            await Shot(alex, $"failure-temperature-alex-{name}");
            await Shot(sam, $"failure-temperature-sam-{name}");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private async Task Shot(IPage page, string shotName) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, shotName));
}
