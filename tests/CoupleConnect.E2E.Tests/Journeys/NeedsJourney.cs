using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 16, needs, on two 390x844 phones: Sam writes a need with blame wording, sees the gentle hint, rewrites it with
/// the suggestion and saves; Alex's open page shows it without a reload, Alex marks "I'll try this", and Sam's open page
/// shows it being tried. axe finds nothing on either page, hint showing or not; screenshots of each state.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class NeedsJourney(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] EveryImpact = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task SamRewritesABlamingNeedKindlyAndAlexTriesItLive(ColorScheme scheme)
    {
        var name = scheme.ToString().ToLowerInvariant();
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"), scheme);
        try
        {
            await OpenNeedsAsync(alex);
            await OpenNeedsAsync(sam);
            await Expect(sam.Locator("#my-needs-empty")).ToBeVisibleAsync();
            await Expect(alex.Locator("#partner-needs-empty")).ToHaveTextAsync("Sam hasn't written any yet.");
            await Shot(sam, $"needs-01-empty-{name}");
            await sam.AssertNoAxeViolationsAsync($"needs, empty ({name})", output, withSnackbars: false, EveryImpact);

            // Blame wording: the hint appears while typing, with a kinder wording to use.
            await sam.Locator("#need-text").FillAsync("You never ask about my day anymore");
            var hint = sam.Locator("#need-text-hint");
            await Expect(hint).ToContainTextAsync("A gentle thought");
            await Expect(hint).ToContainTextAsync("I feel more connected when you ask about my day.");
            await Shot(sam, $"needs-02-blame-hint-{name}");
            await sam.AssertNoAxeViolationsAsync($"needs, blame hint ({name})", output, withSnackbars: false, EveryImpact);

            await sam.Locator("#need-text-use").ClickAsync();
            await Expect(sam.Locator("#need-text")).ToHaveValueAsync("I feel more connected when you ask about my day.");
            await Expect(hint).ToHaveCountAsync(0);
            await sam.Locator("#need-text-save").ClickAsync();
            var samsNeed = sam.Locator("[data-my-need]");
            await Expect(samsNeed).ToContainTextAsync("I feel more connected when you ask about my day.");

            // Alex's page, open the whole time, shows it; Alex tries it.
            var onAlexsPage = alex.Locator("[data-partner-need]");
            await Expect(onAlexsPage).ToContainTextAsync("I feel more connected when you ask about my day.");
            await onAlexsPage.GetByRole(AriaRole.Button, new() { Name = "I'll try this" }).ClickAsync();
            await Expect(onAlexsPage.Locator("[data-being-tried]")).ToContainTextAsync(new Regex("You've been trying this since"));
            await Shot(alex, $"needs-03-alex-trying-{name}");
            await alex.AssertNoAxeViolationsAsync($"needs, partner trying ({name})", output, withSnackbars: false, EveryImpact);

            // Sam's page, open the whole time, shows it being tried.
            await Expect(samsNeed.Locator("[data-being-tried]")).ToContainTextAsync(new Regex("Alex has been trying this since"));
            await Shot(sam, $"needs-04-sam-sees-it-tried-{name}");
            await sam.AssertNoAxeViolationsAsync($"needs, being tried ({name})", output, withSnackbars: false, EveryImpact);
        }
        catch
        {
            await Shot(alex, $"failure-needs-alex-{name}");
            await Shot(sam, $"failure-needs-sam-{name}");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private static async Task OpenNeedsAsync(IPage page)
    {
        await page.GotoAsync("needs");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#my-needs")).ToBeVisibleAsync();
    }

    private async Task Shot(IPage page, string shotName) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, shotName));
}
