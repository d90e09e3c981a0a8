using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Components.Layout;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 15, item 4: the light/dark choice is saved on the person's account, so it holds after a full page load and on
/// another device, and the server draws it in the first HTML it sends (no flash of the other theme): on the static
/// account pages through <c>data-theme</c> on the root element, on the app's pages through the theme's style sheet.
/// </summary>
public sealed partial class ThemeChoiceFollowsThePerson(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ThemePath = "/Account/Theme";

    [Fact]
    public async Task DarkChosenOnOneDeviceIsDarkOnTheNextPageLoadAndOnAnotherDevice()
    {
        var email = await app.CreateConfirmedUserAsync(displayName: "Ines");
        using var phone = app.NewBrowser();
        await phone.LogInSuccessfullyAsync(email, AppFixture.Password);
        Assert.Null(RootTheme(await phone.GetPageAsync("/Account/Manage")));

        using (var chosen = await phone.SubmitFormToAsync("/Account/Manage", ThemePath, new Dictionary<string, string> { ["choice"] = "Dark" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            Assert.Equal("/Account/Manage", chosen.Headers.Location?.OriginalString);
        }

        Assert.Equal("dark", RootTheme(await phone.GetPageAsync("/Account/Manage")));

        using var laptop = app.NewBrowser();
        await laptop.LogInSuccessfullyAsync(email, AppFixture.Password);
        Assert.Equal("dark", RootTheme(await laptop.GetPageAsync("/Account/Manage/Email")));
        var home = await laptop.GetPageAsync("/");
        Assert.Equal("dark", RootTheme(home));
        Assert.True(DrawsOnlyThePalette(home, AppTheme.Theme.PaletteDark.Primary), "The app's first HTML is not drawn dark.");
    }

    [Fact]
    public async Task LightChosenStaysLightWhateverThePhoneIsSetTo()
    {
        var email = await app.CreateConfirmedUserAsync(displayName: "Tomas");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using (await browser.SubmitFormToAsync("/Account/Manage/ChangePassword", ThemePath, new Dictionary<string, string> { ["choice"] = "Light" }))
        {
        }

        var settings = await browser.GetPageAsync("/Account/Manage/ChangePassword");
        Assert.Equal("light", RootTheme(settings));
        var home = await browser.GetPageAsync("/");
        Assert.True(DrawsOnlyThePalette(home, AppTheme.Theme.PaletteLight.Primary), "A light choice still follows the device's dark scheme: " + home);
    }

    [Fact]
    public async Task FollowingThePhoneIsAChoiceTooAndLetsTheDeviceDecide()
    {
        var email = await app.CreateConfirmedUserAsync(displayName: "Mira");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
        using (await browser.SubmitFormToAsync("/Account/Manage", ThemePath, new Dictionary<string, string> { ["choice"] = "Dark" }))
        {
        }

        using (await browser.SubmitFormToAsync("/Account/Manage", ThemePath, new Dictionary<string, string> { ["choice"] = "FollowDevice" }))
        {
        }

        Assert.Null(RootTheme(await browser.GetPageAsync("/Account/Manage")));
        var home = await browser.GetPageAsync("/");
        Assert.Null(RootTheme(home));
        Assert.Contains("<style media=\"(prefers-color-scheme: dark)\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheThemeFormSendsNobodyToAnotherSite()
    {
        var email = await app.CreateConfirmedUserAsync(displayName: "Ola");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using var chosen = await browser.SubmitFormToAsync("/Account/Manage", ThemePath, new Dictionary<string, string>
        {
            ["choice"] = "Dark",
            ["returnUrl"] = "//evil.example/phish",
        });

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/", chosen.Headers.Location?.OriginalString);
    }

    /// <summary>The <c>data-theme</c> attribute of the page's root element, or null when it has none.</summary>
    private static string? RootTheme(string html)
    {
        var root = RootElement().Match(html);
        Assert.True(root.Success, "The page has no <html> element.");
        var theme = DataTheme().Match(root.Value);
        return theme.Success ? theme.Groups[1].Value : null;
    }

    /// <summary>One palette, with no media query that could switch to the other one.</summary>
    private static bool DrawsOnlyThePalette(string html, object primary) =>
        html.Contains($"--mud-palette-primary: {primary}", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("prefers-color-scheme: dark)\"", StringComparison.Ordinal);

    [GeneratedRegex("<html[^>]*>")]
    private static partial Regex RootElement();

    [GeneratedRegex("data-theme=\"([a-z]+)\"")]
    private static partial Regex DataTheme();
}
