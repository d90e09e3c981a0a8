using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Accessibility;

/// <summary>
/// Issue 17 items 4, 5 and 7 on a phone, light and dark, with no axe violations and a screenshot of each: the
/// "Discreet emails" box at sign-up (ticked), its switch in the reminder settings (on), the sessions page with
/// "Sign out everywhere, including here" and the recent changes, and the quick exit's help; the quick exit itself is on
/// every one of them.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class SafetyControlsAxe(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] BlockingImpacts = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheDiscreetQuickExitAndSessionsControlsHaveNoViolations(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var visitor = await app.NewPhonePageAsync("Europe/London", scheme);
        await using (visitor.Context)
        {
            await visitor.GotoAsync("Account/Register");
            var discreet = visitor.GetByLabel("Discreet emails");
            await discreet.CheckAsync();
            await Expect(discreet).ToBeCheckedAsync();
            await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Quick exit" })).ToBeVisibleAsync();
            await AssertNoViolationsAsync(visitor, $"sign-up with discreet emails ({theme})");
            output.WriteLine("Screenshot: " + await Screenshots.SaveScreenAtAsync(visitor, discreet, $"discreet-sign-up-{theme}"));
        }

        var person = await app.SignedInPhoneAsync(new Person("Noor", "Europe/Berlin"), scheme);
        await using (person.Context)
        {
            await person.GotoAsync("preferences/reminders");
            await person.WaitUntilInteractiveAsync();
            var toggle = person.GetByLabel("Discreet emails");
            await toggle.CheckAsync();
            await Expect(toggle).ToBeCheckedAsync();
            await AssertNoViolationsAsync(person, $"reminders with discreet emails on ({theme})");
            output.WriteLine("Screenshot: " + await Screenshots.SaveScreenAtAsync(person, toggle, $"discreet-reminders-{theme}"));

            await person.GotoAsync("Account/Manage/Sessions");
            await Expect(person.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere, including here" })).ToBeVisibleAsync();
            await Expect(person.Locator("[data-account-changes] li")).ToHaveCountAsync(2);
            await AssertNoViolationsAsync(person, $"sessions with recent changes ({theme})");
            output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(person, $"discreet-sessions-{theme}"));

            await person.GotoAsync("getting-help");
            await person.WaitUntilInteractiveAsync();
            await Expect(person.Locator("#quick-exit-help")).ToBeVisibleAsync();
            await AssertNoViolationsAsync(person, $"getting help with the quick exit's help ({theme})");
            output.WriteLine("Screenshot: " + await Screenshots.SaveScreenAtAsync(person, person.Locator("#quick-exit-help"), $"discreet-quick-exit-help-{theme}"));
        }
    }

    private Task AssertNoViolationsAsync(IPage page, string pageName) =>
        page.AssertNoAxeViolationsAsync(pageName, output, withSnackbars: false, BlockingImpacts);
}
