using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// axe-core on a settled page, for <c>AxeAudit</c> and for tests that look at pages for other reasons too (e.g. the
/// light and dark screenshots): every violation is written to the output, and those of a blocking impact fail.
/// </summary>
public static class AxeChecks
{
    private static readonly string[] SeriousImpacts = ["serious", "critical"];

    public static Task AssertNoSeriousAxeViolationsAsync(this IPage page, string pageName, ITestOutputHelper output, bool withSnackbars = false) =>
        page.AssertNoAxeViolationsAsync(pageName, output, withSnackbars, SeriousImpacts);

    /// <param name="withSnackbars">
    /// Audit the snackbars on the page too, once faded in (half-transparent, axe would measure a contrast nobody sees
    /// for long). Otherwise they are closed first, so none starts fading out in the middle of the audit.
    /// </param>
    /// <param name="blockingImpacts">The impacts that fail the test (axe's minor, moderate, serious, critical).</param>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string pageName, ITestOutputHelper output, bool withSnackbars, IReadOnlyCollection<string> blockingImpacts)
    {
        // Audit the settled page: while the Blazor circuit starts, the interactive HeadOutlet briefly replaces the title.
        await Expect(page).ToHaveTitleAsync(new Regex("CoupleConnect"));
        var snackbars = page.Locator(".mud-snackbar");
        if (withSnackbars)
        {
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.mud-snackbar')].every(bar => bar.getAnimations().length === 0)");
        }
        else
        {
            foreach (var close in await snackbars.Locator("button").AllAsync())
            {
                await close.TapAsync(new() { Force = true }); // one may already be leaving by itself
            }

            await Expect(snackbars).ToHaveCountAsync(0);
        }

        // A button still easing between its disabled and enabled colours would be measured half-way (seen once in CI).
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(animation => animation.effect?.getComputedTiming().endTime === Infinity || animation.playState !== 'running')");
        var result = await page.RunAxe();

        foreach (var violation in result.Violations)
        {
            output.WriteLine($"[{pageName}] {violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                output.WriteLine($"    {node.Target}  {node.Html}");
            }
        }

        var blocking = result.Violations.Where(violation => blockingImpacts.Contains(violation.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe found {blocking.Count} serious/critical violation(s) on the {pageName} page:\n" + string.Join(
                "\n",
                blocking.Select(violation => $"{violation.Impact} {violation.Id} ({violation.Help}): " + string.Join(", ", violation.Nodes.Select(node => node.Target.ToString())))));
    }
}
