using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Opening the confirmation link in the browser that signed up signs the person in and continues where they were going
/// (issue 15 item 6). Only there, and only on its first use: in another browser (the owner of an address someone else
/// registered, with a password only that someone knows) or for a used link it confirms and signs no one in.
/// </summary>
public sealed class ConfirmingSignsIn(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheLinkSignsInAndContinuesToTheInviteThePersonOpened()
    {
        using var browser = app.NewBrowser();
        var link = await RegisterAsync(browser, new RegistrationForm(), "/join/an-invite-token");
        Assert.Equal("/join/an-invite-token", QueryHelpers.ParseQuery(link.Query)["returnUrl"].ToString());

        using var confirmation = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
        Assert.Equal("/join/an-invite-token", new Uri(new Uri("http://localhost/"), confirmation.Headers.Location!).AbsolutePath);
        Assert.True(AppBrowser.SetsAuthCookie(confirmation), "Confirming did not sign the person in.");
    }

    [Fact]
    public async Task InABrowserThatDidNotSignUpTheLinkConfirmsButSignsNoOneIn()
    {
        // Someone signs up with another person's address; its owner opens the email on their own phone.
        using var whoSignedUp = app.NewBrowser();
        var form = new RegistrationForm();
        var link = await RegisterAsync(whoSignedUp, form, returnUrl: null);

        using var owner = app.NewBrowser();
        using var confirmation = await owner.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.False(AppBrowser.SetsAuthCookie(confirmation), "The link signed in a browser that never signed up.");
        Assert.Contains("Sign in to get started", await confirmation.Content.ReadAsStringAsync());
        Assert.True((await app.Users.FindByEmailAsync(form.Email))!.EmailConfirmed);
    }

    [Fact]
    public async Task TheSameLinkASecondTimeSignsNoOneIn()
    {
        using var browser = app.NewBrowser();
        var link = await RegisterAsync(browser, new RegistrationForm(), returnUrl: null);
        using (var first = await browser.GetAsync(link.PathAndQuery))
        {
            Assert.True(AppBrowser.SetsAuthCookie(first));
        }

        using var again = await app.NewBrowser().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(AppBrowser.SetsAuthCookie(again), "A used confirmation link signed someone in again.");
        Assert.Contains("already confirmed", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AReturnAddressOnAnotherSiteGoesHomeInstead()
    {
        using var browser = app.NewBrowser();
        var link = await RegisterAsync(browser, new RegistrationForm(), returnUrl: null);
        var tampered = QueryHelpers.AddQueryString(link.PathAndQuery, "returnUrl", "//evil.example/steal");

        using var confirmation = await browser.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
        Assert.DoesNotContain("evil.example", confirmation.Headers.Location?.OriginalString ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Uri> RegisterAsync(AppBrowser browser, RegistrationForm form, string? returnUrl)
    {
        var path = returnUrl is null ? "/Account/Register" : QueryHelpers.AddQueryString("/Account/Register", "returnUrl", returnUrl);
        using (var registered = await browser.SubmitFormAsync(path, "register", form.Fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        return DevMailboxReader.ConfirmationLink(Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email)));
    }
}
