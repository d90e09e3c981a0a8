using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Accessibility;

/// <summary>axe-core on the phone: no violations at all on the pages every new partner sees.</summary>
[Collection(RealAppTests.Name)]
public sealed class AxeAudit(AppFixture app, ITestOutputHelper output)
{
    // Every impact counts: these pages are clean today and should stay so.
    private static readonly string[] BlockingImpacts = ["minor", "moderate", "serious", "critical"];

    [Fact]
    public async Task LandingPageHasNoSeriousViolations()
    {
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        await new LandingPage(page).OpenAsync();

        await AssertNoSeriousViolationsAsync(page, "landing");
    }

    [Fact]
    public async Task RegisterPageHasNoSeriousViolations()
    {
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        var register = new RegisterPage(page);
        await register.OpenAsync();
        await Expect(register.TimeZone).ToHaveValueAsync("Europe/Berlin");

        await AssertNoSeriousViolationsAsync(page, "register");
    }

    [Fact]
    public async Task HomePageHasNoSeriousViolations()
    {
        var email = $"sam.{Guid.NewGuid().ToString("N")[..8]}@example.com";
        const string password = "tea on the balcony at dusk";
        await app.CreateConfirmedUserAsync(email, password, "Sam");
        var page = await app.NewPhonePageAsync();
        await using var context = page.Context;
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, password);
        await Expect(new HomePage(page).ConnectPartnerHeading).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(page, "home");
    }

    private async Task AssertNoSeriousViolationsAsync(IPage page, string pageName)
    {
        // Audit the settled page: while the Blazor circuit starts, the interactive HeadOutlet briefly replaces the title.
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("CoupleConnect"));
        var result = await page.RunAxe();

        foreach (var violation in result.Violations)
        {
            output.WriteLine($"[{pageName}] {violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                output.WriteLine($"    {node.Target}  {node.Html}");
            }
        }

        var blocking = result.Violations.Where(violation => BlockingImpacts.Contains(violation.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe found {blocking.Count} serious/critical violation(s) on the {pageName} page:\n" + string.Join(
                "\n",
                blocking.Select(violation => $"{violation.Impact} {violation.Id} ({violation.Help}): " + string.Join(", ", violation.Nodes.Select(node => node.Target.ToString())))));
    }
}
