using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Infrastructure;

public static class ColorSchemes
{
    /// <summary>
    /// Returns once the page shows the context's colour scheme. The static (account) pages follow it in CSS at once; the
    /// interactive app prerenders light and turns dark only after its circuit has asked the browser, which the theme
    /// button's name tells.
    /// </summary>
    public static async Task ExpectThemeAsync(this IPage page, ColorScheme scheme)
    {
        if (await page.Locator(".acc-shell").CountAsync() > 0)
        {
            return;
        }

        var switchTo = scheme == ColorScheme.Dark ? "Switch to light theme" : "Switch to dark theme";
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = switchTo })).ToBeVisibleAsync();
    }

    public static string Name(ColorScheme scheme) => scheme == ColorScheme.Dark ? "dark" : "light";
}
