using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 13, item 13 in a real browser (ADR 0023): a signed-out visitor reads the landing page and the guide and
/// reaches the sign-in page on a phone without the browser ever opening a WebSocket; signing in opens the circuit.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class SignedOutVisitOpensNoCircuit(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task TheLandingTheGuideAndSignInOpenNoWebSocketUntilThePersonSignsIn()
    {
        var email = $"robin.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        const string password = "a slow breakfast together";
        await app.CreateConfirmedUserAsync(email, password, "Robin");
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await new LandingPage(page).OpenAsync();
        var bottomNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await bottomNav.GetByRole(AriaRole.Link, new() { Name = "How it works" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How it works", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, "signed-out-how-it-works"));
        await bottomNav.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).TapAsync();
        var login = new LoginPage(page);
        await Expect(login.Email).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(sockets);

        await login.SignInAsync(email, password);
        await page.WaitUntilInteractiveAsync();
        Assert.Contains(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
    }
}
