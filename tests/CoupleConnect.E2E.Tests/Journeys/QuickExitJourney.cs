using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using CoupleConnect.Web.Features.QuickExit;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 17 item 5 in real Chromium: a fresh tab that used the app (signed-out pages, sign-in, Blazor pages) and then
/// the quick exit shows the neutral site, and going back from it reaches no app page; going forward into one moves on
/// to the neutral site again. The neutral site is answered by the test (no internet), at its real address.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class QuickExitJourney(AppFixture app, ITestOutputHelper output)
{
    private static readonly string Neutral = QuickExitOptions.DefaultUrl.ToString();

    [Fact]
    public async Task AfterAQuickExitFromDeepInTheAppTheTabsBackHistoryHoldsNoAppPage()
    {
        var person = new Person("Noor", "Europe/Berlin");
        await app.CreateConfirmedUserAsync(person.Email, person.Password, person.Name, person.TimeZone);
        var page = await FreshTabAsync();
        await using var context = page.Context;

        await new LandingPage(page).OpenAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).TapAsync();
        var login = new LoginPage(page);
        await Expect(login.Email).ToBeVisibleAsync();
        await login.SignInAsync(person.Email, person.Password);
        await Expect(page).ToHaveURLAsync(app.BaseAddress);
        await page.WaitUntilInteractiveAsync();
        var bottomNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await bottomNav.GetByRole(AriaRole.Link).Nth(1).TapAsync();
        await Expect(page).Not.ToHaveURLAsync(app.BaseAddress);
        await bottomNav.GetByRole(AriaRole.Link).Nth(3).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, "quick-exit-signed-in"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Quick exit" }).TapAsync();

        await Expect(page).ToHaveURLAsync(Neutral);
        await AssertNoAppPageBehindAsync(page);

        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(Neutral);
    }

    [Fact]
    public async Task TheKeyboardReachesTheQuickExitAndEnterLeavesFromASignedOutPage()
    {
        var page = await FreshTabAsync();
        await using var context = page.Context;
        await new LandingPage(page).OpenAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "How it works" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How it works", Level = 1 })).ToBeVisibleAsync();

        // The page puts focus on its heading; going backwards from there, the quick exit comes just before the app bar.
        var presses = 0;
        while (presses < 10 && !await page.EvaluateAsync<bool>("() => document.activeElement?.matches('[data-quick-exit]') === true"))
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            presses++;
        }

        output.WriteLine($"Shift+Tab pressed {presses} times to reach the quick exit.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quick exit" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(Neutral);
        await AssertNoAppPageBehindAsync(page);
    }

    [Fact]
    public async Task ShiftPressedThreeTimesLeavesButTypingCapitalsInAFormDoesNot()
    {
        var page = await FreshTabAsync();
        await using var context = page.Context;
        await new LandingPage(page).OpenAsync();
        await new LoginPage(page).OpenAsync();
        var email = new LoginPage(page).Email;

        await email.PressSequentiallyAsync("Noor.Ali.Khan@Example.com");
        await Expect(page).ToHaveURLAsync(app.BaseAddress + "Account/Login");

        await email.PressAsync("Shift");
        await email.PressAsync("Shift");
        await email.PressAsync("Shift");

        await Expect(page).ToHaveURLAsync(Neutral);
        await AssertNoAppPageBehindAsync(page);
    }

    /// <summary>A new tab in a new phone, where the neutral site answers with a plain page.</summary>
    private async Task<IPage> FreshTabAsync()
    {
        var page = await app.NewPhonePageAsync();
        await page.Context.RouteAsync(new Uri(QuickExitOptions.DefaultUrl, "/").ToString() + "**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!DOCTYPE html><html lang=\"en\"><head><title>Weather</title></head><body><h1>Weather</h1><p>Sunny spells.</p></body></html>",
        }));
        return page;
    }

    /// <summary>
    /// Goes back as far as the tab allows and fails if any app page is committed on the way, even for a moment (an app
    /// page reached by going back would move on to the neutral site by itself, which must not hide it here).
    /// </summary>
    private async Task AssertNoAppPageBehindAsync(IPage page)
    {
        var from = page.Url;
        var committed = new List<string>();
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                committed.Add(frame.Url);
            }
        }

        page.FrameNavigated += OnNavigated;
        try
        {
            for (var step = 0; step < 10; step++)
            {
                var before = committed.Count;
                await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit, Timeout = 5_000 });
                await page.WaitForTimeoutAsync(500);
                if (committed.Count == before)
                {
                    break;
                }
            }
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        output.WriteLine($"Going back from {from} committed: " + (committed.Count == 0 ? "nothing (no page behind)" : string.Join(", ", committed)));
        Assert.DoesNotContain(committed, url => url.StartsWith(app.BaseAddress, StringComparison.Ordinal));
    }
}
