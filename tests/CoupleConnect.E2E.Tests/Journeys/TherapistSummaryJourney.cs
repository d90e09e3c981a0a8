using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 18, item 4, on two phones: Alex proposes a summary for their therapist with one positive ticked, Sam accepts,
/// both open the printable sheet, then Sam withdraws it and Alex's open sheet empties at once.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class TherapistSummaryJourney(AppFixture app, ITestOutputHelper output)
{
    private const string AlexsPositive = "Making tea for us both after the long call";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AlexProposesSamAcceptsBothOpenTheSheetAndSamWithdrawsIt(ColorScheme scheme)
    {
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/London"), new Person("Sam", "Europe/London"), scheme);
        try
        {
            await new PositivesPage(alex).OpenAsync();
            await new LogPositiveSection(alex).LogAsync("Help", AlexsPositive);

            await AlexProposesAsync(alex, scheme);
            await SamAcceptsAsync(sam, scheme);
            await BothOpenTheSheetAsync(alex, sam, scheme);
            await SamWithdrawsAndItIsGoneAsync(alex, sam, scheme);
        }
        catch
        {
            await Shot(alex, $"failure-summary-alex-{scheme}");
            await Shot(sam, $"failure-summary-sam-{scheme}");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private async Task AlexProposesAsync(IPage alex, ColorScheme scheme)
    {
        await alex.GotoAsync("getting-help");
        await alex.WaitUntilUsableAsync();
        await alex.Locator("#therapist-summary-link").TapAsync();
        await alex.WaitUntilInteractiveAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "A summary for your therapist", Level = 1 })).ToBeVisibleAsync();
        var positive = alex.Locator("#summary-entries label").Filter(new() { HasText = AlexsPositive });
        await Expect(positive).ToBeVisibleAsync();
        await positive.TapAsync();
        await Expect(alex.Locator("#summary-chosen-count")).ToContainTextAsync("1 of at most 30 chosen");
        await Shot(alex, $"summary-01-alex-proposes-{scheme}");
        await alex.AssertNoSeriousAxeViolationsAsync($"Therapist summary, proposing ({scheme})", output);

        await alex.Locator("#summary-propose-button").TapAsync();
        await Expect(alex.Locator("#summary-current")).ToHaveAttributeAsync("data-status", "Proposed");
        await Expect(alex.Locator("#summary-status")).ToContainTextAsync("Nothing is made unless Sam accepts");
    }

    private async Task SamAcceptsAsync(IPage sam, ColorScheme scheme)
    {
        await sam.GotoAsync(string.Empty);
        await sam.WaitUntilInteractiveAsync();
        await sam.Locator("#summary-asked-link").TapAsync(); // Sam hears of it on the home page, never by email
        await sam.WaitUntilInteractiveAsync();
        await Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Alex suggests a summary for your therapist" })).ToBeVisibleAsync();
        await Expect(sam.Locator("#summary-entries")).Not.ToContainTextAsync(AlexsPositive); // only Sam's own are offered to Sam
        await Shot(sam, $"summary-02-sam-is-asked-{scheme}");
        await sam.AssertNoSeriousAxeViolationsAsync($"Therapist summary, being asked ({scheme})", output);

        await sam.Locator("#summary-accept").TapAsync();
        await Expect(sam.Locator("#summary-current")).ToHaveAttributeAsync("data-status", "Available");
    }

    private async Task BothOpenTheSheetAsync(IPage alex, IPage sam, ColorScheme scheme)
    {
        await Expect(alex.Locator("#summary-current")).ToHaveAttributeAsync("data-status", "Available"); // live on Alex's phone
        foreach (var (page, who) in new[] { (alex, "alex"), (sam, "sam") })
        {
            await page.Locator("#summary-open").TapAsync();
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Summary for our therapist", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#summary-sheet")).ToContainTextAsync(AlexsPositive);
            await Expect(page.Locator("#summary-sheet")).ToContainTextAsync("Rituals kept");
            await Shot(page, $"summary-03-{who}-sheet-{scheme}");
        }

        await sam.AssertNoSeriousAxeViolationsAsync($"Therapist summary, the sheet ({scheme})", output);
        await sam.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(sam.Locator(".cc-bottom-nav")).ToBeHiddenAsync(); // printed without the app around it
        await Expect(sam.Locator("#summary-print")).ToBeHiddenAsync();
        await Shot(sam, $"summary-04-sam-print-preview-{scheme}");
        await sam.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    private async Task SamWithdrawsAndItIsGoneAsync(IPage alex, IPage sam, ColorScheme scheme)
    {
        await sam.GotoAsync("getting-help/summary");
        await sam.WaitUntilInteractiveAsync();
        await sam.Locator("#summary-withdraw").TapAsync();
        await Expect(sam.Locator("#summary-last-ended")).ToContainTextAsync("You withdrew the last summary");

        await Expect(alex.Locator("#summary-gone")).ToBeVisibleAsync(); // Alex's open sheet empties without a reload
        await Expect(alex.Locator("#summary-sheet")).ToHaveCountAsync(0);
        await Expect(alex.GetByText(AlexsPositive)).ToHaveCountAsync(0);
        await Shot(alex, $"summary-05-alex-after-withdrawal-{scheme}");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
