using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 13, item 4: changing the email, adding a passkey, turning two-factor off, downloading all data and deleting
/// the account need the password within the last five minutes; each change leaves a notice in the owner's mailbox.
/// On an app whose clock the test moves: a sign-in is proof too, so each test lets six minutes pass first.
/// </summary>
public sealed class SensitiveChangesNeedRecentProof(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string ReauthenticatePage = "/Account/Reauthenticate";

    [Fact]
    public async Task ChangingTheEmailWithoutRecentProofAsksForThePasswordAndSendsNothing()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            await AssertAsksForProofAsync(browser, "/Account/Manage/Email");
            var newEmail = AppFixture.UniqueEmail("moved");

            using var posted = await PostBehindTheGateAsync(browser, "/Account/Manage/Email", "change-email", new() { ["Input.NewEmail"] = newEmail });

            AssertGoesToProof(posted, "/Account/Manage/Email");
            Assert.Empty(app.ClockedDriver.MailTo(newEmail));
        }
    }

    [Fact]
    public async Task WithThePasswordJustEnteredTheEmailChangesAndTheOldAddressIsTold()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            await ConfirmItsMeAsync(browser, "/Account/Manage/Email");
            var newEmail = AppFixture.UniqueEmail("moved");
            using (var asked = await browser.SubmitFormAsync("/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail }))
            {
                Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            }

            var confirmation = Assert.Single(app.ClockedDriver.MailTo(newEmail));
            var link = new Uri(System.Text.RegularExpressions.Regex.Match(confirmation.TextBody ?? string.Empty, @"https?://\S+/Account/ConfirmEmailChange\?\S+").Value);
            using (var confirmed = await browser.GetAsync(link.PathAndQuery))
            {
                Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            }

            Assert.Equal(1, await app.Users.CountByEmailAsync(newEmail));
            var notice = Assert.Single(app.ClockedDriver.MailTo(person.Email));
            Assert.Equal("Your CoupleConnect email address was changed", notice.Subject);
            AssertOffersAWayToSecureTheAccount(notice);
        }
    }

    [Fact]
    public async Task ProofCountsForFiveMinutesOnly()
    {
        var (_, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            await ConfirmItsMeAsync(browser, "/Account/Manage/Email");
            app.Clock.Advance(TimeSpan.FromMinutes(4));
            await browser.GetPageAsync("/Account/Manage/Email");

            app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

            await AssertAsksForProofAsync(browser, "/Account/Manage/Email");
        }
    }

    [Fact]
    public async Task AWrongPasswordGivesNoProofAndCountsTowardLockout()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            var failuresBefore = await PasswordFailureCountAsync();
            using var wrong = await browser.SubmitFormAsync($"{ReauthenticatePage}?returnUrl=%2FAccount%2FManage%2FEmail", "reauthenticate", new Dictionary<string, string> { ["Input.Password"] = "not my password" });

            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("That password isn&#x27;t right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(failuresBefore + 1, await PasswordFailureCountAsync()); // counted by the one password gate
            Assert.Null((await app.Users.FindByEmailAsync(person.Email))!.LockoutEnd);
            await AssertAsksForProofAsync(browser, "/Account/Manage/Email");
        }
    }

    [Fact]
    public async Task AReturnAddressOffTheSiteLeadsToTheAccountPage()
    {
        var (_, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            using var proven = await browser.SubmitFormAsync($"{ReauthenticatePage}?returnUrl={Uri.EscapeDataString("https://evil.example/")}", "reauthenticate", new Dictionary<string, string> { ["Input.Password"] = AppFixture.Password });

            Assert.Equal(HttpStatusCode.Redirect, proven.StatusCode);
            Assert.Equal("/Account/Manage", PathOf(proven));
        }
    }

    [Fact]
    public async Task TurningTwoFactorOffNeedsRecentProofAndTellsTheOwner()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            await TurnOnTwoFactorAsync(person);
            await AssertAsksForProofAsync(browser, "/Account/Manage/Disable2fa");
            await AssertAsksForProofAsync(browser, "/Account/Manage/ResetAuthenticator");
            using (var posted = await PostBehindTheGateAsync(browser, "/Account/Manage/Disable2fa", "disable-2fa", []))
            {
                AssertGoesToProof(posted, "/Account/Manage/Disable2fa");
            }

            Assert.True(await TwoFactorIsOnAsync(person));
            Assert.Empty(app.ClockedDriver.MailTo(person.Email));

            await ConfirmItsMeAsync(browser, "/Account/Manage/Disable2fa");
            using (var disabled = await browser.SubmitFormAsync("/Account/Manage/Disable2fa", "disable-2fa", new Dictionary<string, string>()))
            {
                Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
            }

            Assert.False(await TwoFactorIsOnAsync(person));
            var notice = Assert.Single(app.ClockedDriver.MailTo(person.Email));
            Assert.Equal("Two-step sign-in was turned off", notice.Subject);
            AssertOffersAWayToSecureTheAccount(notice);
        }
    }

    [Fact]
    public async Task DownloadingAllMyDataNeedsRecentProofAndTellsTheOwner()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            using (var refused = await browser.SubmitFormToAsync("/Account/Manage/PersonalData", "/Account/Manage/DownloadPersonalData"))
            {
                AssertGoesToProof(refused, "/Account/Manage/PersonalData");
                Assert.NotEqual("application/json", refused.Content.Headers.ContentType?.MediaType);
            }

            Assert.Empty(app.ClockedDriver.MailTo(person.Email));

            await ConfirmItsMeAsync(browser, "/Account/Manage/PersonalData");
            using (var download = await browser.SubmitFormToAsync("/Account/Manage/PersonalData", "/Account/Manage/DownloadPersonalData"))
            {
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
            }

            var notice = Assert.Single(app.ClockedDriver.MailTo(person.Email));
            Assert.Equal("Your CoupleConnect data was downloaded", notice.Subject);
            AssertOffersAWayToSecureTheAccount(notice);
        }
    }

    [Fact]
    public async Task DeletingTheAccountNeedsRecentProofAndTellsTheOwner()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            await AssertAsksForProofAsync(browser, "/Account/Manage/DeletePersonalData");
            using (var posted = await PostBehindTheGateAsync(browser, "/Account/Manage/DeletePersonalData", "delete-user", new() { ["Input.Password"] = AppFixture.Password }))
            {
                AssertGoesToProof(posted, "/Account/Manage/DeletePersonalData");
            }

            Assert.Equal(1, await app.Users.CountByEmailAsync(person.Email));

            await ConfirmItsMeAsync(browser, "/Account/Manage/DeletePersonalData");
            using (var deleted = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = AppFixture.Password }))
            {
                Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            }

            Assert.Equal(0, await app.Users.CountByEmailAsync(person.Email));
            Assert.Equal("Your CoupleConnect account was deleted", Assert.Single(app.ClockedDriver.MailTo(person.Email)).Subject);
        }
    }

    [Fact]
    public async Task AddingAPasskeyNeedsRecentProof()
    {
        var (_, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            var page = await browser.GetPageAsync("/Account/Manage/Passkeys");
            Assert.Contains("href=\"Account/Reauthenticate?returnUrl=%2FAccount%2FManage%2FPasskeys\"", page, StringComparison.Ordinal);
            using (var options = await PasskeyCreationOptionsAsync(browser))
            {
                Assert.Equal(HttpStatusCode.Forbidden, options.StatusCode);
            }

            using (var posted = await PostBehindTheGateAsync(browser, "/Account/Manage/Passkeys", "add-passkey", new() { ["Input.CredentialJson"] = "{}" }))
            {
                AssertGoesToProof(posted, "/Account/Manage/Passkeys");
            }

            await ConfirmItsMeAsync(browser, "/Account/Manage/Passkeys");
            using var allowed = await PasskeyCreationOptionsAsync(browser);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal("application/json", allowed.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ChangingThePasswordTellsTheOwner()
    {
        var (person, browser) = await SignedInAWhileAgoAsync();
        using (browser)
        {
            using var changed = await browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
            {
                ["Input.OldPassword"] = AppFixture.Password,
                ["Input.NewPassword"] = "a brand new evening walk",
                ["Input.ConfirmPassword"] = "a brand new evening walk",
            });
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

            var notice = Assert.Single(app.ClockedDriver.MailTo(person.Email));
            Assert.Equal("Your CoupleConnect password was changed", notice.Subject);
            AssertOffersAWayToSecureTheAccount(notice);
        }
    }

    [Fact]
    public async Task ResettingThePasswordTellsTheOwner()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        using var browser = NewBrowser();
        string code;
        await using (var scope = app.ClockedFactory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException("The person is missing.");
            code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        }

        using var reset = await browser.SubmitFormAsync($"/Account/ResetPassword?code={code}", "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = "a brand new evening walk",
            ["Input.ConfirmPassword"] = "a brand new evening walk",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var notice = Assert.Single(app.ClockedDriver.MailTo(person.Email));
        Assert.Equal("Your CoupleConnect password was reset", notice.Subject);
        AssertOffersAWayToSecureTheAccount(notice);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private AppBrowser NewBrowser() =>
        new(app.ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A person signed in six minutes ago (app time): their sign-in no longer counts as proof.</summary>
    private async Task<(TestPerson Person, AppBrowser Browser)> SignedInAWhileAgoAsync()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        var browser = NewBrowser();
        await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        return (person, browser);
    }

    private static async Task ConfirmItsMeAsync(AppBrowser browser, string returnPath)
    {
        using var proven = await browser.SubmitFormAsync($"{ReauthenticatePage}?returnUrl={Uri.EscapeDataString(returnPath)}", "reauthenticate", new Dictionary<string, string> { ["Input.Password"] = AppFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, proven.StatusCode);
        Assert.Equal(returnPath, PathOf(proven));
    }

    private static async Task AssertAsksForProofAsync(AppBrowser browser, string path)
    {
        using var response = await browser.GetAsync(path);
        AssertGoesToProof(response, path);
    }

    private static void AssertGoesToProof(HttpResponseMessage response, string returnPath)
    {
        var location = PathOf(response);
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect && location == $"{ReauthenticatePage}?returnUrl={Uri.EscapeDataString(returnPath)}",
            $"Expected a redirect to confirm it's you, got {(int)response.StatusCode} {location}.");
    }

    /// <summary>Where a redirect leads, as a path and query on this site.</summary>
    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://localhost/"), location).PathAndQuery : string.Empty;

    /// <summary>Posts a form of <paramref name="path"/> without loading it (the page itself redirects), as a hand-made post would.</summary>
    private static async Task<HttpResponseMessage> PostBehindTheGateAsync(AppBrowser browser, string path, string handler, Dictionary<string, string> fields)
    {
        var token = HtmlForms.FindByFormName(await browser.GetPageAsync("/Account/Manage"), "profile").HiddenFields["__RequestVerificationToken"];
        fields["__RequestVerificationToken"] = token;
        fields["_handler"] = handler;
        return await browser.PostFormAsync(path, fields);
    }

    private static async Task<HttpResponseMessage> PasskeyCreationOptionsAsync(AppBrowser browser)
    {
        var token = HtmlForms.FindByFormName(await browser.GetPageAsync("/Account/Manage"), "profile").HiddenFields["__RequestVerificationToken"];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/PasskeyCreationOptions");
        request.Headers.Add("RequestVerificationToken", token);
        return await browser.Http.SendAsync(request);
    }

    private void AssertOffersAWayToSecureTheAccount(MimeMessage notice)
    {
        var links = app.ClockedFactory.Services.GetRequiredService<AppLinks>();
        Assert.Contains(links.To("Account/ForgotPassword"), notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(links.To("Account/Manage/Sessions"), notice.TextBody, StringComparison.Ordinal);
    }

    private async Task TurnOnTwoFactorAsync(TestPerson person)
    {
        await using var scope = app.ClockedFactory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException("The person is missing.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    private async Task<bool> TwoFactorIsOnAsync(TestPerson person)
    {
        await using var scope = app.ClockedFactory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException("The person is missing.");
        return await users.GetTwoFactorEnabledAsync(user);
    }

    private async Task<long> PasswordFailureCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM password_failures", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
