using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 13, items 5 and 6 (docs/adr/0019): wrong passwords pause the client that typed them, for that account, and
/// never the account everywhere, so nobody can lock the owner out. Every form that checks a password counts.
/// </summary>
public sealed class LockoutAfterRepeatedFailures(ClientAddressAppFixture app) : IClassFixture<ClientAddressAppFixture>
{
    private const string Guesser = "203.0.113.66";
    private const string Owner = "198.51.100.20";

    [Fact]
    public async Task FiveWrongPasswordsPauseThatClientEvenAgainstTheRightPasswordButTheOwnerElsewhereSignsIn()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var guesser = app.NewBrowserFrom(Guesser);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await guesser.LogInAsync(email, "not the password " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("That email and password don't match", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        using (var sixth = await guesser.LogInAsync(email, AppFixture.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, sixth.StatusCode);
            Assert.EndsWith("/Account/Lockout", sixth.Headers.Location?.ToString());
            Assert.False(AppBrowser.SetsAuthCookie(sixth), "A paused client got an auth cookie.");
        }

        using var owner = app.NewBrowserFrom(Owner);
        await owner.LogInSuccessfullyAsync(email, AppFixture.Password);
        var user = await app.Users.FindByEmailAsync(email);
        Assert.Null(user!.LockoutEnd); // the account itself is not locked: a passkey (Identity's own lockout check) still works
        Assert.Equal(0, user.AccessFailedCount);
    }

    [Fact]
    public async Task FourWrongPasswordsDoNotPauseAndTheRightPasswordStillWorks()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowserFrom(Guesser);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.LogInAsync(email, "not the password " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await browser.LogInAsync(email, AppFixture.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.True(AppBrowser.SetsAuthCookie(right));
    }

    [Fact]
    public async Task AnAddressWithNoAccountIsPausedTheSameWaySoThePauseRevealsNothing()
    {
        var nobody = AppFixture.UniqueEmail("nobody");
        using var guesser = app.NewBrowserFrom(Guesser);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await guesser.LogInAsync(nobody, "a guess " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var sixth = await guesser.LogInAsync(nobody, "a guess 6");

        Assert.EndsWith("/Account/Lockout", sixth.Headers.Location?.ToString());
    }

    [Fact]
    public async Task WrongCurrentPasswordsOnTheChangePasswordFormCountAndPauseItWithoutChangingAnything()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowserFrom(Guesser);
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await ChangePasswordAsync(browser, "not the password " + attempt, "a brand new sentence");
            Assert.Contains("Incorrect password", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        using var paused = await ChangePasswordAsync(browser, AppFixture.Password, "a brand new sentence");

        Assert.Contains("paused password checks here", WebUtility.HtmlDecode(await paused.Content.ReadAsStringAsync()));
        using var owner = app.NewBrowserFrom(Owner);
        await owner.LogInSuccessfullyAsync(email, AppFixture.Password); // unchanged
    }

    [Fact]
    public async Task WrongPasswordsOnTheDeleteAccountFormCountTowardTheSamePause()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowserFrom(Guesser);
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = "not it " + attempt });
            Assert.Contains("Incorrect password", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        using var paused = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = AppFixture.Password });

        Assert.Contains("paused password checks here", WebUtility.HtmlDecode(await paused.Content.ReadAsStringAsync()));
        Assert.NotNull(await app.Users.FindByEmailAsync(email)); // still there
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(AppBrowser browser, string current, string next) =>
        browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
}
