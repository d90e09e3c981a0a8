using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Accessibility;

/// <summary>
/// Issue 16: the harder-days hub and the getting-help page, on a phone, light and dark, with no axe violations: the
/// hub signed in (paired), the help page both signed in and signed out (it is static then), as people reach it.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class HelpPagesAxe(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] BlockingImpacts = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheHarderDaysHubAndGettingHelpHaveNoViolations(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"), scheme);
        await using var alexContext = alex.Context;
        await using var samContext = sam.Context;

        await alex.GotoAsync("hard-days");
        await alex.WaitUntilInteractiveAsync();
        await alex.ExpectThemeAsync(scheme);
        await Expect(alex.Locator("#hard-day-tools a")).ToHaveCountAsync(3);
        await AssertNoViolationsAsync(alex, $"for the harder days ({theme})");

        await alex.Locator("#not-therapy a").TapAsync();
        await Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "Getting help", Level = 1 })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(alex, $"getting help, signed in ({theme})");

        var visitor = await app.NewPhonePageAsync("Europe/London", scheme);
        await using var visitorContext = visitor.Context;
        await visitor.GotoAsync("getting-help");
        await visitor.WaitUntilUsableAsync();
        await Expect(visitor.Locator("#find-a-therapist")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(visitor, $"getting help, signed out ({theme})");
    }

    private Task AssertNoViolationsAsync(IPage page, string pageName) =>
        page.AssertNoAxeViolationsAsync(pageName, output, withSnackbars: false, BlockingImpacts);
}
