using CoupleConnect.Domain.Goals;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Goals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Accessibility;

/// <summary>
/// Issue 18: the goals page in each of its states on a phone, light and dark, with no axe violations: three goals
/// (full), one due a check-in, one let go in the history, the "change" editor open and "let it go" asked.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class GoalsAxe(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] BlockingImpacts = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheGoalsPageInEachStateHasNoViolations(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var (alexPerson, samPerson) = (new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"));
        var couple = await app.PairedAccountsAsync(alexPerson, samPerson);
        await SeedGoalsAsync(couple.InviterId, couple.PartnerId);
        var alex = await app.SignInOnAPhoneAsync(alexPerson, scheme);
        await using var alexContext = alex.Context;

        await alex.GotoAsync("goals");
        await alex.WaitUntilInteractiveAsync();
        await Expect(alex.Locator("#goals-full")).ToBeVisibleAsync();
        await Expect(alex.Locator("#goal-history [data-past-goal]")).ToHaveCountAsync(1);
        await AssertNoViolationsAsync(alex, $"goals, three active and a history ({theme})");

        var first = alex.Locator("[data-goal]").First;
        await first.Locator("[data-change-goal]").ClickAsync();
        await Expect(first.Locator("[data-goal-editor]")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(alex, $"goals, changing one ({theme})");

        var second = alex.Locator("[data-goal]").Nth(1);
        await second.Locator("[data-let-go]").ClickAsync();
        await Expect(second.Locator("[data-let-go-confirm]")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(alex, $"goals, letting one go asked ({theme})");
        output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(alex, $"goals-axe-let-go-asked-{theme}"));
    }

    /// <summary>Through the app's own service, as each partner: three goals, check-ins from both, and one let go.</summary>
    private async Task SeedGoalsAsync(string alexId, string samId)
    {
        async Task<T> As<T>(string userId, Func<GoalsService, Task<T>> call)
        {
            await using var scope = SignedInScopes.Open(app.Factory.Services, userId);
            return await call(scope.ServiceProvider.GetRequiredService<GoalsService>());
        }

        var walks = (await As(samId, goals => goals.SetAsync(new GoalInput { Name = "A walk together every Sunday", Why = "We talk best side by side.", Rhythm = GoalRhythm.Weekly }))).Value;
        var gone = (await As(alexId, goals => goals.SetAsync(new GoalInput { Name = "Train for a half marathon" }))).Value;
        await As(samId, goals => goals.CheckInAsync(gone, "My knee says no. Can we rethink?"));
        await As(alexId, goals => goals.LetGoAsync(gone));
        await As(alexId, goals => goals.CheckInAsync(walks, "Around the lake, a heron <b>and</b> rain."));
        await As(samId, goals => goals.CheckInAsync(walks, "Worth the wet shoes."));
        await As(alexId, goals => goals.SetAsync(new GoalInput { Name = "Phones in the drawer after nine", Rhythm = GoalRhythm.Monthly }));
        await As(samId, goals => goals.SetAsync(new GoalInput { Name = "Cook something new each month" }));
    }

    private Task AssertNoViolationsAsync(IPage page, string pageName) =>
        page.AssertNoAxeViolationsAsync(pageName, output, withSnackbars: false, BlockingImpacts);
}
