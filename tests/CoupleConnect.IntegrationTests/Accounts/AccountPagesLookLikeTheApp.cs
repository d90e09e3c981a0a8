using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Components.Layout;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 15, item 8: the account pages are one place with the rest of the app. Every page the route table holds is
/// titled "… · CoupleConnect" (signed in and signed out), and the static account pages carry the app's own frame: its
/// bottom navigation (the same destinations as the app's), the avatar menu, the theme menu, no template leftovers.
/// </summary>
public sealed partial class AccountPagesLookLikeTheApp(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string TitleEnding = " · CoupleConnect";

    private static readonly Dictionary<string, string> AnyValues = new(StringComparer.Ordinal)
    {
        ["Id"] = Guid.NewGuid().ToString(),
        ["DayText"] = "2026-03-29",
        ["Token"] = "no-such-invite",
        ["Code"] = "404",
    };

    public static TheoryData<bool> SignedIn => new() { true, false };

    [Theory]
    [MemberData(nameof(SignedIn))]
    public async Task EveryPageInTheRouteTableIsTitledTheAppsWay(bool signedIn)
    {
        using var browser = app.NewBrowser();
        if (signedIn)
        {
            await browser.LogInSuccessfullyAsync(await app.CreateConfirmedUserAsync(displayName: "Lena"), AppFixture.Password);
        }

        var wrong = new List<string>();
        var read = 0;
        foreach (var page in RoutablePages.Of(app.Factory.Services))
        {
            var path = RoutablePages.Fill(page, AnyValues);
            using var response = await browser.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.NotFound)
            {
                continue; // a redirect (to sign-in, or away from a page this person has no use for) has no title to read
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue; // a bare status with no page (the dev mailbox answers other machines with an empty 404)
            }

            var title = TitleOf(await response.Content.ReadAsStringAsync());
            read++;
            output.WriteLine($"{path}: {title}");
            if (title is null || !title.EndsWith(TitleEnding, StringComparison.Ordinal) || title.Length == TitleEnding.Length)
            {
                wrong.Add($"{path} \"{title}\"");
            }
        }

        Assert.True(read > 10, $"Only {read} pages answered with a page.");
        Assert.True(wrong.Count == 0, $"Titles that don't end with \"{TitleEnding}\": " + string.Join("; ", wrong));
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/Email")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Account/Manage/Passkeys")]
    [InlineData("/Account/Manage/Sessions")]
    [InlineData("/Account/Manage/PersonalData")]
    public async Task AnAccountPageHasTheAppsNavigationAvatarAndThemeMenu(string path)
    {
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(await app.CreateConfirmedUserAsync(displayName: "Jonas"), AppFixture.Password);

        var html = WebUtility.HtmlDecode(await browser.GetPageAsync(path));

        var bottomNav = BottomNav().Match(html);
        Assert.True(bottomNav.Success, "No bottom navigation.");
        Assert.Equal(AppNavigation.ForSignedIn.Select(destination => destination.Label), NavLabels().Matches(bottomNav.Value).Select(label => label.Groups[1].Value));
        Assert.Matches("<summary class=\"acc-avatar\" aria-label=\"Your account\"[^>]*>J</summary>", html);
        Assert.Contains("<summary class=\"acc-icon-button\" aria-label=\"Theme: Follow my phone\">", html, StringComparison.Ordinal);
        var themeForm = HtmlForms.FindByAction(html, "/Account/Theme");
        Assert.Equal(path, themeForm.HiddenFields["returnUrl"]);
        Assert.Equal(["Light", "Dark", "FollowDevice"], ThemeButtons().Matches(html).Select(button => button.Groups[1].Value));
        Assert.DoesNotContain("✓", html, StringComparison.Ordinal);
    }

    private static string? TitleOf(string html)
    {
        var title = Title().Match(html);
        return title.Success ? WebUtility.HtmlDecode(title.Groups[1].Value).Trim() : null;
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex("<nav class=\"cc-bottom-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex BottomNav();

    [GeneratedRegex("<span class=\"cc-bottom-nav__label\">([^<]*)</span>")]
    private static partial Regex NavLabels();

    [GeneratedRegex("<button type=\"submit\" name=\"choice\" value=\"([A-Za-z]+)\"")]
    private static partial Regex ThemeButtons();
}
