using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 18, our story, on two 390x844 phones: Alex adds a moment from the "team" prompt; Sam's open page shows it
/// without a reload, with who wrote it; Sam adds "how I remember it", and Alex's open page shows Sam's side. axe finds
/// nothing at any step, light and dark; screenshots of each state.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class StoryJourney(AppFixture app, ITestOutputHelper output)
{
    private const string Team = "A time we surprised ourselves as a team";
    private static readonly string[] EveryImpact = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AlexAddsAMomentAndSamAddsHowSheRemembersItBothLive(ColorScheme scheme)
    {
        var name = scheme.ToString().ToLowerInvariant();
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "Europe/Berlin"), scheme);
        var (alexsStory, samsStory) = (new StoryPage(alex), new StoryPage(sam));
        try
        {
            await alexsStory.OpenAsync();
            await samsStory.OpenAsync();
            await Expect(samsStory.Empty).ToBeVisibleAsync();
            await Shot(sam, $"story-01-empty-{name}");
            await sam.AssertNoAxeViolationsAsync($"story, empty ({name})", output, withSnackbars: false, EveryImpact);

            await alex.Locator("[data-prompt='team']").TapAsync();
            await alexsStory.NewMomentText.FillAsync("We moved house in one day with a borrowed van.");
            await Shot(alex, $"story-02-new-moment-{name}");
            await alex.AssertNoAxeViolationsAsync($"story, new moment ({name})", output, withSnackbars: false, EveryImpact);
            await alex.Locator("#new-moment-save").TapAsync();
            await Expect(alexsStory.Moment(Team).Locator("[data-moment-by]")).ToHaveTextAsync("Written by you");

            // Sam's page, open the whole time, shows it with who wrote it.
            var onSamsPage = samsStory.Moment(Team);
            await Expect(onSamsPage.Locator("[data-moment-text]")).ToHaveTextAsync("We moved house in one day with a borrowed van.");
            await Expect(onSamsPage.Locator("[data-moment-by]")).ToHaveTextAsync("Written by Alex");
            await samsStory.StartMySideAsync(Team, "I remember the one argument, about the sofa.");
            await Shot(sam, $"story-03-my-side-{name}");
            await sam.AssertNoAxeViolationsAsync($"story, writing my side ({name})", output, withSnackbars: false, EveryImpact);
            await samsStory.SaveMySideAsync(Team);
            await Expect(onSamsPage.Locator("[data-side='mine'] [data-side-text]")).ToHaveTextAsync("I remember the one argument, about the sofa.");

            // Alex's page, open the whole time, shows Sam's side.
            var samsSide = alexsStory.Moment(Team).Locator("[data-side='partner']");
            await Expect(samsSide).ToContainTextAsync("How Sam remembers it");
            await Expect(samsSide.Locator("[data-side-text]")).ToHaveTextAsync("I remember the one argument, about the sofa.");
            await Shot(alex, $"story-04-partners-side-{name}");
            await alex.AssertNoAxeViolationsAsync($"story, the partner's side ({name})", output, withSnackbars: false, EveryImpact);
        }
        catch
        {
            await Shot(alex, $"failure-story-alex-{name}");
            await Shot(sam, $"failure-story-sam-{name}");
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
