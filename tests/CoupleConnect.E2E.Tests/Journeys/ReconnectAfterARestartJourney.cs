using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 15, item 13: the app restarts under an open page. This class has an app of its own (no other test shares
/// it), which it really stops and starts again on the same port and database: while it is down the phone shows the
/// app's calm banner, not the framework's dialog; once it is back the page reloads itself at the same address.
/// </summary>
public sealed class ReconnectAfterARestartJourney(AppFixture app) : IClassFixture<AppFixture>
{
    private const string PageAddress = "preferences/reminders";

    private readonly Person _robin = new("Robin", "Europe/Berlin");

    [Fact]
    public async Task APageOpenDuringARestartShowsTheAppsBannerThenComesBackAtTheSameAddress()
    {
        var phone = await app.SignedInPhoneAsync(_robin);
        try
        {
            await phone.GotoAsync(PageAddress);
            await phone.WaitUntilInteractiveAsync();
            await phone.EvaluateAsync("() => { window.__ccBeforeRestart = true; }");
            var banner = phone.Locator("#components-reconnect-modal");
            await Expect(banner).ToBeHiddenAsync();

            await app.RestartAppAsync(whileStopped: async () =>
            {
                await Expect(banner).ToBeVisibleAsync();
                await Expect(banner).ToContainTextAsync("Reconnecting… your page will be back in a moment.");
                await Expect(banner).Not.ToContainTextAsync("seconds");
                Assert.Equal(0, await phone.Locator("dialog[open]").CountAsync());
                await Screenshots.SaveScreenAtAsync(phone, phone.Locator("h1"), "look-reconnect-01-banner-while-the-app-restarts");
            });

            // Back on a server that never knew this page's circuit: the page reloads itself, at the same address.
            await phone.WaitForFunctionAsync("() => window.__ccBeforeRestart === undefined", null, new() { Timeout = 60_000 });
            await Expect(phone).ToHaveURLAsync(app.BaseAddress + PageAddress);
            await phone.WaitUntilInteractiveAsync();
            await Expect(banner).ToBeHiddenAsync();
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(phone, "look-reconnect-02-back-after-the-restart");
        }
        finally
        {
            await phone.Context.CloseAsync();
        }
    }
}
