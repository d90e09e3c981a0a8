using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Install;

/// <summary>
/// Issue 19: the "Add to your home screen" card on the home page shows on a phone's browser until dismissed, and never
/// at desktop width or inside the installed app; on an iPhone it explains Safari's Share menu.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class AddToHomeScreenHint(AppFixture app, ITestOutputHelper output)
{
    private const string IPhoneSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task OnAPhoneTheCardShowsUntilDismissedThenNeverAgainOnThatPhone()
    {
        var alex = new Person("Alex", "Europe/Berlin");
        var phone = await app.SignedInPhoneAsync(alex);
        await using var context = phone.Context;
        var hint = phone.Locator("#install-hint");

        await Expect(hint).ToBeVisibleAsync();
        await Expect(hint).ToContainTextAsync("Add CoupleConnect to your home screen");
        await phone.AssertNoSeriousAxeViolationsAsync("home with the install card (light)", output);
        await Screenshots.SaveScreenAtAsync(phone, hint, "look-install-04-hint-light");

        await phone.GetByRole(AriaRole.Button, new() { Name = "Don't show this again" }).TapAsync();
        await Expect(hint).ToBeHiddenAsync();

        await phone.ReloadAsync();
        await phone.WaitUntilInteractiveAsync();
        await phone.WaitForFunctionAsync("() => window.ccInstall?.hint() === 'none'");
        await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await hint.CountAsync());
    }

    [Fact]
    public async Task InTheDarkTheCardReadsAsWell()
    {
        var sam = new Person("Sam", "Europe/Berlin");
        await app.CreateConfirmedUserAsync(sam.Email, sam.Password, sam.Name, sam.TimeZone);
        var phone = await app.SignInOnAPhoneAsync(sam, ColorScheme.Dark);
        await using var context = phone.Context;

        await Expect(phone.Locator("#install-hint")).ToBeVisibleAsync();
        await phone.AssertNoSeriousAxeViolationsAsync("home with the install card (dark)", output);
        await Screenshots.SaveScreenAtAsync(phone, phone.Locator("#install-hint"), "look-install-05-hint-dark");
    }

    [Fact]
    public async Task OnAnIPhoneTheCardExplainsSafarisShareMenu()
    {
        var kim = new Person("Kim", "Europe/Berlin");
        await app.CreateConfirmedUserAsync(kim.Email, kim.Password, kim.Name, kim.TimeZone);
        var phone = await app.SignedInAsync(kim, options => options.UserAgent = IPhoneSafari);
        await using var context = phone.Context;

        await Expect(phone.Locator("#install-hint-how")).ToContainTextAsync("Tap Share, then Add to Home Screen.");
        Assert.Equal(0, await phone.Locator("#install-hint-install").CountAsync());
        await Screenshots.SaveScreenAtAsync(phone, phone.Locator("#install-hint"), "look-install-06-hint-iphone");
    }

    [Fact]
    public async Task AtDesktopWidthOrInTheInstalledAppThereIsNoCard()
    {
        var lee = new Person("Lee", "Europe/Berlin");
        await app.CreateConfirmedUserAsync(lee.Email, lee.Password, lee.Name, lee.TimeZone);

        var desktop = await app.SignedInAsync(lee, options =>
        {
            options.ViewportSize = new ViewportSize { Width = 1280, Height = 900 };
            options.IsMobile = false; // a laptop with a touch screen: wide, and a finger still signs in
        });
        await using (desktop.Context)
        {
            await AssertNoCardAsync(desktop);
        }

        // The installed app on an iPhone: Safari tells the page by navigator.standalone.
        var installed = await app.SignedInAsync(lee, options => options.UserAgent = IPhoneSafari);
        await using (installed.Context)
        {
            await installed.Context.AddInitScriptAsync("Object.defineProperty(navigator, 'standalone', { get: () => true })");
            await installed.ReloadAsync();
            await installed.WaitUntilInteractiveAsync();
            await AssertNoCardAsync(installed);
        }
    }

    private static async Task AssertNoCardAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.ccInstall?.hint() === 'none'");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#install-hint").CountAsync());
    }
}
