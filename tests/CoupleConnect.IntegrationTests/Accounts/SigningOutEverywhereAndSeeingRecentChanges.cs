using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// "No one else can get in" (issue 17 item 7) on the sessions page: signing out every browser at once, this one too,
/// and seeing when the email address and the password last changed.
/// </summary>
public sealed partial class SigningOutEverywhereAndSeeingRecentChanges(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ManagePage = "/Account/Manage";
    private const string SessionsPage = "/Account/Manage/Sessions";
    private const string NewPassword = "a brand new evening walk";

    [Fact]
    public async Task SigningOutEverywhereIncludingHereEndsEveryBrowserAndThisOnesCookieNoLongerWorks()
    {
        var email = await app.CreateConfirmedUserAsync();
        var (here, hereCookie) = await SignedInAsync(email);
        var (elsewhere, elsewhereCookie) = await SignedInAsync(email);
        using (here)
        using (elsewhere)
        {
            Assert.Contains("Sign out everywhere, including here", await here.GetPageAsync(SessionsPage), StringComparison.Ordinal);

            using var ended = await here.SubmitFormAsync(SessionsPage, "sessions", new Dictionary<string, string> { ["End"] = "everywhere" });

            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            Assert.Equal("/Account/Login", new Uri(new Uri("http://localhost/"), ended.Headers.Location!).AbsolutePath);
            Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(hereCookie));
            Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(elsewhereCookie));
            Assert.Contains("signed out everywhere, including here", await here.GetPageAsync("/Account/Login"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ANewAccountSaysItsEmailAndPasswordHaveNotChangedSinceItWasCreated()
    {
        var (browser, _) = await SignedInAsync(await app.CreateConfirmedUserAsync());
        using (browser)
        {
            var page = await browser.GetPageAsync(SessionsPage);

            Assert.Matches(Change("email", "Your email address hasn&#x27;t changed since you created your account on \\d+ \\w+ \\d{4}\\."), page);
            Assert.Matches(Change("password", "Your password hasn&#x27;t changed since you created your account on \\d+ \\w+ \\d{4}\\."), page);
        }
    }

    [Fact]
    public async Task ChangingThePasswordShowsWhenItLastChangedButNotTheEmail()
    {
        var email = await app.CreateConfirmedUserAsync(timeZoneId: "Asia/Tokyo");
        var (browser, _) = await SignedInAsync(email);
        using (browser)
        {
            using var changed = await browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
            {
                ["Input.OldPassword"] = AppFixture.Password,
                ["Input.NewPassword"] = NewPassword,
                ["Input.ConfirmPassword"] = NewPassword,
            });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

            var page = await browser.GetPageAsync(SessionsPage);

            Assert.Matches(Change("password", $"Your password last changed on {TodayIn("Asia/Tokyo")} at \\d\\d:\\d\\d\\."), page);
            Assert.Matches(Change("email", "Your email address hasn&#x27;t changed"), page);
        }
    }

    [Fact]
    public async Task ChangingTheEmailShowsWhenItLastChanged()
    {
        var (browser, _) = await SignedInAsync(await app.CreateConfirmedUserAsync(timeZoneId: "America/Chicago"));
        using (browser)
        {
            var newEmail = AppFixture.UniqueEmail("moved");
            using (var asked = await browser.SubmitFormAsync("/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail }))
            {
                Assert.True(asked.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Asking for the change answered {(int)asked.StatusCode}.");
            }

            var link = ConfirmEmailChangeLink().Match(Assert.Single(app.Driver.MailTo(newEmail)).TextBody ?? string.Empty);
            Assert.True(link.Success, "The confirmation email has no /Account/ConfirmEmailChange link.");
            using (var confirmed = await browser.GetAsync(link.Groups["path"].Value))
            {
                Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            }

            var page = await browser.GetPageAsync(SessionsPage);

            Assert.Matches(Change("email", $"Your email address last changed on {TodayIn("America/Chicago")} at \\d\\d:\\d\\d\\."), page);
            Assert.Matches(Change("password", "Your password hasn&#x27;t changed"), page);
        }
    }

    private async Task<(AppBrowser Browser, string Cookie)> SignedInAsync(string email)
    {
        var browser = app.NewBrowser();
        using var login = await browser.LogInAsync(email, AppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = AppBrowser.SetCookies(login).Single(header => header.StartsWith(AppBrowser.AuthCookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        return (browser, cookie);
    }

    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, ManagePage);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>"Monday 7 December": the day as the sessions page writes it, in the person's own zone.</summary>
    private static string TodayIn(string zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);

    private static Regex Change(string which, string sentence) => new($"<li data-change=\"{which}\">{sentence}");

    [GeneratedRegex(@"https?://[^\s""<>]+(?<path>/Account/ConfirmEmailChange\?[^\s""<>]+)")]
    private static partial Regex ConfirmEmailChangeLink();
}
