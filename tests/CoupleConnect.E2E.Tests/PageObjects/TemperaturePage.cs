using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.PageObjects;

/// <summary>The weekly temperature page (/temperature) on one phone.</summary>
public sealed class TemperaturePage(IPage page)
{
    public ILocator ThisWeek => page.Locator("#temperature-this-week");

    public ILocator Revealed => page.Locator("#temperature-revealed");

    public ILocator PartnerWaiting => page.Locator("#temperature-partner-waiting");

    public ILocator PrivateNote => page.Locator("#temperature-private-note");

    public async Task OpenAsync()
    {
        await page.GotoAsync("temperature");
        await page.WaitUntilInteractiveAsync();
        await Expect(ThisWeek).ToBeVisibleAsync();
    }

    /// <summary>Picks the number, writes the gain and the wish, and saves, as a person would with their thumb.</summary>
    public async Task AnswerAsync(int connected, string gain, string wish)
    {
        await page.Locator($"label:has(#temperature-connected-{connected})").TapAsync();
        await Expect(page.Locator($"#temperature-connected-{connected}")).ToBeCheckedAsync();
        await page.Locator("#temperature-gain").FillAsync(gain);
        await page.Locator("#temperature-wish").FillAsync(wish);
        await page.Locator("#temperature-save").TapAsync();
    }
}
