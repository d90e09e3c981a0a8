using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

public static class ColorSchemes
{
    /// <summary>
    /// Returns once the page is drawn in <paramref name="scheme"/>: its background is dark or light. A person who has not
    /// chosen follows the context's colour scheme from the first paint (a media query); a saved choice is drawn by the
    /// server in the first HTML.
    /// </summary>
    public static async Task ExpectThemeAsync(this IPage page, ColorScheme scheme) =>
        await page.WaitForFunctionAsync(
            """
            dark => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                const lightness = (r + g + b) / 3;
                return dark ? lightness < 90 : lightness > 160;
            }
            """,
            scheme == ColorScheme.Dark);

    public static string Name(ColorScheme scheme) => scheme == ColorScheme.Dark ? "dark" : "light";
}
