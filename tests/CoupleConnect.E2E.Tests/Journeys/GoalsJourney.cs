using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 18, goals, on two 390x844 phones: Alex's "one goal" in the monthly reflection becomes a shared goal with a
/// weekly rhythm; Sam's goals page, open the whole time, shows it without a reload; Sam checks in; Alex's reflection
/// counts the check-in live and Alex's goals page shows Sam's words. axe finds nothing on any state; screenshots of each.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class GoalsJourney(AppFixture app, ITestOutputHelper output)
{
    private const string AlexsGoal = "Plan the spring trip together, one evening at a time.";
    private const string SamsCheckIn = "We picked the coast. Maps out on Thursday.";
    private static readonly string[] EveryImpact = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AlexMakesTheReflectionsGoalSharedAndSamChecksInOnIt(ColorScheme scheme)
    {
        var name = scheme.ToString().ToLowerInvariant();
        var (alexPerson, samPerson) = (new Person("Alex", "Europe/Berlin"), new Person("Sam", "America/New_York"));
        var couple = await app.PairedAccountsAsync(alexPerson, samPerson);
        var seeded = await app.SeedRitualsAsync(couple.InviterId, couple.PartnerId);
        var alex = await app.SignInOnAPhoneAsync(alexPerson, scheme);
        var sam = await app.SignInOnAPhoneAsync(samPerson, scheme);
        try
        {
            await OpenGoalsAsync(sam);
            await Expect(sam.Locator("#goals-empty")).ToBeVisibleAsync();
            await Shot(sam, $"goals-01-empty-{name}");
            await sam.AssertNoAxeViolationsAsync($"goals, none yet ({name})", output, withSnackbars: false, EveryImpact);

            // Alex's reflection offers the goal Alex wrote; one tap opens it ready to share, with a weekly rhythm.
            await alex.GotoAsync($"rituals/{seeded.Reflection}/reflection/{seeded.ReflectionDay:yyyy-MM-dd}");
            await alex.WaitUntilInteractiveAsync();
            var reflectionGoals = alex.Locator("#reflection-goals");
            await Expect(reflectionGoals.Locator("#reflection-goal-offer")).ToContainTextAsync(AlexsGoal);
            await reflectionGoals.Locator("#make-shared-goal").ClickAsync();
            await Expect(alex.Locator("#reflection-new-goal-name")).ToHaveValueAsync(AlexsGoal);
            await reflectionGoals.GetByText("Check in weekly").ClickAsync();
            await reflectionGoals.Locator("#reflection-new-goal-why").FillAsync("So the trip is ours, not a to-do list.");
            await Shot(alex, $"goals-02-reflection-make-shared-{name}");
            await alex.AssertNoAxeViolationsAsync($"reflection, making the goal shared ({name})", output, withSnackbars: false, EveryImpact);
            await alex.Locator("#reflection-new-goal-save").ClickAsync();
            var inReflection = reflectionGoals.Locator("[data-reflection-goal]");
            await Expect(inReflection).ToContainTextAsync(AlexsGoal);
            await Expect(inReflection).ToContainTextAsync("0 check-ins so far");
            await Expect(reflectionGoals.Locator("#make-shared-goal")).ToHaveCountAsync(0);

            // Sam's goals page, open the whole time, shows it; Sam checks in.
            var samsGoal = sam.Locator("[data-goal]");
            await Expect(samsGoal.Locator("[data-goal-name]")).ToHaveTextAsync(AlexsGoal);
            await Expect(samsGoal).ToContainTextAsync("Set by Alex");
            await Expect(samsGoal).ToContainTextAsync("Check in weekly");
            await samsGoal.GetByLabel("How is it going?").FillAsync(SamsCheckIn);
            await samsGoal.Locator("[data-check-in]").ClickAsync();
            await Expect(samsGoal.Locator("[data-goal-note]")).ToContainTextAsync(SamsCheckIn);
            await Shot(sam, $"goals-03-sam-checked-in-{name}");
            await sam.AssertNoAxeViolationsAsync($"goals, after a check-in ({name})", output, withSnackbars: false, EveryImpact);

            // Alex's reflection, still open, counts it; keep, change or let go are offered.
            await Expect(inReflection).ToContainTextAsync("1 check-in so far");
            await Expect(inReflection.Locator("[data-keep-goal]")).ToBeVisibleAsync();
            await inReflection.Locator("[data-let-go]").ClickAsync();
            await Expect(inReflection.Locator("[data-let-go-confirm]")).ToContainTextAsync("Letting a goal go isn't failing.");
            await Shot(alex, $"goals-04-reflection-keep-change-let-go-{name}");
            await alex.AssertNoAxeViolationsAsync($"reflection, letting go asked ({name})", output, withSnackbars: false, EveryImpact);
            await inReflection.Locator("[data-let-go-no]").ClickAsync();
            await inReflection.Locator("[data-keep-goal]").ClickAsync();
            await Expect(inReflection).ToContainTextAsync("kept on");

            await OpenGoalsAsync(alex);
            await Expect(alex.Locator("[data-goal] [data-goal-note]")).ToContainTextAsync(SamsCheckIn);
            await Shot(alex, $"goals-05-alex-sees-sams-check-in-{name}");
            await alex.AssertNoAxeViolationsAsync($"goals, the partner's check-in ({name})", output, withSnackbars: false, EveryImpact);
        }
        catch
        {
            await Shot(alex, $"failure-goals-alex-{name}");
            await Shot(sam, $"failure-goals-sam-{name}");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private static async Task OpenGoalsAsync(IPage page)
    {
        await page.GotoAsync("goals");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#new-goal")).ToBeVisibleAsync();
    }

    private async Task Shot(IPage page, string shotName) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, shotName));
}
