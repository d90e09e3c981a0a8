using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Accessibility;

/// <summary>
/// Issue 17, item 1, on two phones, light and dark, with no axe violations: Sam withdraws an unrevealed answer (the
/// question opens in place and takes focus) and Alex's open page stops saying Sam answered; after the reveal Alex
/// deletes his answer and Sam's open page shows the small "removed by its author" line in its place.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class MyWordsAxe(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] BlockingImpacts = ["minor", "moderate", "serious", "critical"];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task WithdrawingAndDeletingAnAnswerAskOnceGoForBothLiveAndHaveNoViolations(ColorScheme scheme)
    {
        var theme = ColorSchemes.Name(scheme);
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/Berlin"), new Person("Sam", "Europe/Berlin"), scheme);
        await using var alexContext = alex.Context;
        await using var samContext = sam.Context;
        foreach (var phone in new[] { alex, sam })
        {
            await phone.GotoAsync("today");
            await phone.WaitUntilInteractiveAsync();
            await phone.ExpectThemeAsync(scheme);
        }

        var samsCard = new QuestionCardSection(sam);
        var alexsCard = new QuestionCardSection(alex);
        await samsCard.AnswerAsync("Sam, then withdrawn: Ptarmigan.");
        await Expect(alexsCard.PartnerStatus).ToContainTextAsync("Sam has answered");

        await sam.Locator("[data-remove-ask='answer']").TapAsync();
        await Expect(sam.Locator("[data-remove-confirm='answer']")).ToBeFocusedAsync();
        await AssertNoViolationsAsync(sam, $"withdraw an answer, asked ({theme})");
        await sam.Locator("[data-remove-yes='answer']").TapAsync();
        await samsCard.ExpectStateAsync("NotAnswered");
        await Expect(alexsCard.PartnerStatus).ToContainTextAsync("Sam hasn't answered yet"); // live, no reload
        await Expect(alex.Locator("body")).Not.ToContainTextAsync("Ptarmigan");

        await alexsCard.AnswerAsync("Alex, then deleted: Whimbrel.");
        await samsCard.AnswerAsync("Sam: the quiet morning.");
        await alexsCard.ExpectStateAsync("Revealed");
        await Expect(samsCard.PartnerAnswer).ToHaveTextAsync("Alex, then deleted: Whimbrel.");

        await alex.Locator("[data-remove-ask='answer']").TapAsync();
        await AssertNoViolationsAsync(alex, $"delete a revealed answer, asked ({theme})");
        await alex.Locator("[data-remove-yes='answer']").TapAsync();
        await Expect(alex.Locator("[data-removed='my-answer']")).ToHaveTextAsync("You removed your answer.");
        await Expect(sam.Locator("[data-removed='partner-answer']")).ToHaveTextAsync("Removed by its author."); // live
        await Expect(sam.Locator("body")).Not.ToContainTextAsync("Whimbrel");
        await AssertNoViolationsAsync(sam, $"an answer removed by its author ({theme})");
    }

    private Task AssertNoViolationsAsync(IPage page, string pageName) =>
        page.AssertNoAxeViolationsAsync(pageName, output, withSnackbars: false, BlockingImpacts);
}
