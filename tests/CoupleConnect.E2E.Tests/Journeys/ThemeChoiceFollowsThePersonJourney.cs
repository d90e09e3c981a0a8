using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 15, item 4: Alex chooses dark on their phone in the light; the app stays dark after a reload (from the first
/// paint, before any circuit), on a second phone they sign in on, and on the static account pages, where choosing
/// light again is one tap in the same menu; the first phone follows on its next page load.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class ThemeChoiceFollowsThePersonJourney(AppFixture app)
{
    private readonly Person _alex = new("Alex", "Europe/Berlin");

    [Fact]
    public async Task DarkChosenOnOnePhoneHoldsAfterAReloadOnASecondPhoneAndOnTheAccountPages()
    {
        var phone = await app.SignedInPhoneAsync(_alex);
        IPage? secondPhone = null;
        try
        {
            await phone.ExpectThemeAsync(ColorScheme.Light);
            await phone.GetByRole(AriaRole.Button, new() { Name = "Theme: Follow my phone" }).ClickAsync();
            await phone.Locator(".cc-theme-menu__item").Filter(new() { HasText = "Dark" }).ClickAsync();
            await phone.ExpectThemeAsync(ColorScheme.Dark);
            await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Theme: Dark" })).ToBeVisibleAsync();

            await phone.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.True(await IsDarkNowAsync(phone), "The reloaded page was not dark at its first paint.");
            await Screenshots.SaveAsync(phone, "look-theme-01-home-dark-after-reload");

            secondPhone = await app.SignInOnAPhoneAsync(_alex, ColorScheme.Light);
            Assert.True(await IsDarkNowAsync(secondPhone), "The second phone's home page was not dark.");
            await secondPhone.GotoAsync("Account/Manage", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.True(await IsDarkNowAsync(secondPhone), "The account page did not honour the dark choice.");
            await Screenshots.SaveAsync(secondPhone, "look-theme-02-account-dark-on-second-phone");

            await secondPhone.Locator("summary[aria-label='Theme: Dark']").ClickAsync();
            await secondPhone.GetByRole(AriaRole.Button, new() { Name = "Light", Exact = true }).ClickAsync();
            await Expect(secondPhone).ToHaveURLAsync(app.BaseAddress + "Account/Manage");
            await secondPhone.ExpectThemeAsync(ColorScheme.Light);

            await phone.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.False(await IsDarkNowAsync(phone), "The first phone did not follow the light choice made on the second.");
        }
        finally
        {
            await phone.Context.CloseAsync();
            if (secondPhone is not null)
            {
                await secondPhone.Context.CloseAsync();
            }
        }
    }

    /// <summary>Whether the page's background is dark right now, without waiting for anything (e.g. a circuit).</summary>
    private static Task<bool> IsDarkNowAsync(IPage page) =>
        page.EvaluateAsync<bool>("""
            () => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                return (r + g + b) / 3 < 90;
            }
            """);
}
