using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 13, item 3: two browsers signed in as one person. A change in browser A ends browser B's session on its very
/// next request, while A stays signed in.
/// </summary>
public sealed partial class SessionsEndWhenTheyShould(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ManagePage = "/Account/Manage";
    private const string SessionsPage = "/Account/Manage/Sessions";

    [Fact]
    public async Task ChangingThePasswordSignsOutEveryOtherBrowserAndKeepsThisOne()
    {
        var (_, a, b) = await TwoBrowsersSignedInAsync();
        using (a)
        using (b)
        {
            using var changed = await a.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
            {
                ["Input.OldPassword"] = AppFixture.Password,
                ["Input.NewPassword"] = "a brand new evening walk",
                ["Input.ConfirmPassword"] = "a brand new evening walk",
            });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

            await AssertSignedOutAsync(b);
            await AssertSignedInAsync(a);
        }
    }

    [Fact]
    public async Task ResettingThePasswordSignsOutEveryOtherBrowser()
    {
        var (email, a, b) = await TwoBrowsersSignedInAsync();
        using (a)
        using (b)
        {
            var code = await ResetCodeAsync(email);
            using var reset = await a.SubmitFormAsync($"/Account/ResetPassword?code={code}", "reset-password", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "a brand new evening walk",
                ["Input.ConfirmPassword"] = "a brand new evening walk",
            });
            Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);

            await AssertSignedOutAsync(b);
            await AssertSignedInAsync(a);
        }
    }

    [Fact]
    public async Task TurningTwoFactorOnSignsOutEveryOtherBrowserAndKeepsThisOne()
    {
        var (email, a, b) = await TwoBrowsersSignedInAsync();
        using (a)
        using (b)
        {
            await a.GetPageAsync("/Account/Manage/EnableAuthenticator"); // makes the shared key
            var key = await AuthenticatorKeyAsync(email);
            using var enabled = await a.SubmitFormAsync("/Account/Manage/EnableAuthenticator", "send-code", new Dictionary<string, string>
            {
                ["Input.Code"] = Totp.CodeFor(key, DateTimeOffset.UtcNow),
            });
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            Assert.Contains("recovery codes", await enabled.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            await AssertSignedOutAsync(b);
            await AssertSignedInAsync(a);
        }
    }

    [Fact]
    public async Task TurningTwoFactorOffSignsOutEveryOtherBrowserAndKeepsThisOne()
    {
        var (email, a, b) = await TwoBrowsersSignedInAsync();
        using (a)
        using (b)
        {
            await TurnOnTwoFactorAsync(email);
            using var disabled = await a.SubmitFormAsync("/Account/Manage/Disable2fa", "disable-2fa", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

            await AssertSignedOutAsync(b);
            await AssertSignedInAsync(a);
        }
    }

    [Fact]
    public async Task ChangingTheEmailSignsOutEveryOtherBrowserAndKeepsThisOne()
    {
        var (_, a, b) = await TwoBrowsersSignedInAsync();
        using (a)
        using (b)
        {
            var newEmail = AppFixture.UniqueEmail("moved");
            using var asked = await a.SubmitFormAsync("/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail });
            Assert.True(asked.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Asking for the change answered {(int)asked.StatusCode}.");
            var link = ConfirmEmailChangeLink().Match(Assert.Single(app.Driver.MailTo(newEmail)).TextBody ?? string.Empty);
            Assert.True(link.Success, "The confirmation email has no /Account/ConfirmEmailChange link.");

            using var confirmed = await a.GetAsync(link.Groups["path"].Value);
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Equal(1, await app.Users.CountByEmailAsync(newEmail));

            await AssertSignedOutAsync(b);
            await AssertSignedInAsync(a);
        }
    }

    [Fact]
    public async Task SigningOutEverywhereElseEndsEveryOtherBrowserAndKeepsThisOne()
    {
        var (_, a, b) = await TwoBrowsersSignedInAsync();
        using (a)
        using (b)
        {
            using var ended = await a.SubmitFormAsync(SessionsPage, "sessions", new Dictionary<string, string> { ["End"] = "everywhere-else" });
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

            await AssertSignedOutAsync(b);
            await AssertSignedInAsync(a);
        }
    }

    [Fact]
    public async Task SigningOutOneOtherBrowserEndsOnlyThatOne()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var a = await SignedInBrowserAsync(email, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        using var b = await SignedInBrowserAsync(email, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        using var c = await SignedInBrowserAsync(email, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0");
        var page = await a.GetPageAsync(SessionsPage);
        var bId = SessionIdShownFor(page, "Chrome on Android");

        using var ended = await a.SubmitFormAsync(SessionsPage, "sessions", new Dictionary<string, string> { ["End"] = bId });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        await AssertSignedOutAsync(b);
        await AssertSignedInAsync(a);
        await AssertSignedInAsync(c);
    }

    [Fact]
    public async Task SomeoneElsesSessionIdSignsNobodyOut()
    {
        var victim = await app.CreateConfirmedUserAsync();
        using var victimBrowser = await SignedInBrowserAsync(victim, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        var victimSessionId = Assert.Single(await SessionIdsOfAsync(victim));
        using var stranger = await SignedInBrowserAsync(await app.CreateConfirmedUserAsync(), "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");

        using var attempt = await stranger.SubmitFormAsync(SessionsPage, "sessions", new Dictionary<string, string> { ["End"] = victimSessionId });

        Assert.Equal(HttpStatusCode.Redirect, attempt.StatusCode);
        await AssertSignedInAsync(victimBrowser);
    }

    [Fact]
    public async Task SigningOutEndsThatSessionSoItsCookieNoLongerWorks()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        string cookie;
        using (var login = await browser.LogInAsync(email, AppFixture.Password))
        {
            cookie = AppBrowser.SetCookies(login).Single(header => header.StartsWith(AppBrowser.AuthCookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        }

        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie)); // a copy of the cookie works while signed in
        using (var signedOut = await browser.SubmitFormToAsync(ManagePage, "/Account/Logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie)); // ...and not once the session ended
    }

    [Fact]
    public async Task TheSessionsPageListsEachBrowserInPlainWordsAndMarksThisDevice()
    {
        var email = await app.CreateConfirmedUserAsync(timeZoneId: "Asia/Tokyo");
        using var phone = await SignedInBrowserAsync(email, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        using var laptop = await SignedInBrowserAsync(email, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15");

        var page = await phone.GetPageAsync(SessionsPage);

        Assert.Matches(SessionEntry("Chrome on Android", thisDevice: true), page);
        Assert.Matches(SessionEntry("Safari on Mac", thisDevice: false), page);
        var tokyoNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Contains($"Last active {tokyoNow:dddd d MMMM} at", page, StringComparison.Ordinal); // the person's own day, not the server's
        Assert.Equal(1, Regex.Count(page, "This device"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private async Task<(string Email, AppBrowser A, AppBrowser B)> TwoBrowsersSignedInAsync()
    {
        var email = await app.CreateConfirmedUserAsync();
        var a = await SignedInBrowserAsync(email, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        var b = await SignedInBrowserAsync(email, "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        await AssertSignedInAsync(a);
        await AssertSignedInAsync(b);
        return (email, a, b);
    }

    private async Task<AppBrowser> SignedInBrowserAsync(string email, string userAgent)
    {
        var browser = app.NewBrowser();
        browser.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
        return browser;
    }

    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie)
    {
        using var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, ManagePage);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task AssertSignedInAsync(AppBrowser browser)
    {
        using var response = await browser.GetAsync(ManagePage);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected to be signed in, but {ManagePage} answered {(int)response.StatusCode} {response.Headers.Location}.");
    }

    private static async Task AssertSignedOutAsync(AppBrowser browser)
    {
        using var response = await browser.GetAsync(ManagePage);
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true,
            $"Expected to be signed out, but {ManagePage} answered {(int)response.StatusCode} {response.Headers.Location}.");
    }

    private async Task<string> ResetCodeAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user is missing.");
        return WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
    }

    private async Task<string> AuthenticatorKeyAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user is missing.");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("The page made no authenticator key.");
    }

    private async Task TurnOnTwoFactorAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The user is missing.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    private async Task<List<string>> SessionIdsOfAsync(string email)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT s.id FROM user_sessions s JOIN \"AspNetUsers\" u ON u.id = s.user_id WHERE u.normalized_email = @email AND s.revoked_at IS NULL", connection);
        command.Parameters.AddWithValue("email", email.ToUpperInvariant());
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0).ToString());
        }

        return ids;
    }

    /// <summary>The id in the "Sign out" button of the entry for <paramref name="device"/>.</summary>
    private static string SessionIdShownFor(string page, string device)
    {
        var entry = Regex.Match(page, $"<strong>{Regex.Escape(device)}</strong>.*?name=\"End\" value=\"(?<id>[0-9a-f-]{{36}})\"", RegexOptions.Singleline);
        Assert.True(entry.Success, $"No sign-out button for {device} on the sessions page.");
        return entry.Groups["id"].Value;
    }

    private static Regex SessionEntry(string device, bool thisDevice) =>
        new($"data-session=\"{(thisDevice ? "this-device" : "other")}\"[^>]*>\\s*<div>\\s*<strong>{Regex.Escape(device)}</strong>", RegexOptions.Singleline);

    [GeneratedRegex(@"https?://[^\s""<>]+(?<path>/Account/ConfirmEmailChange\?[^\s""<>]+)")]
    private static partial Regex ConfirmEmailChangeLink();
}
