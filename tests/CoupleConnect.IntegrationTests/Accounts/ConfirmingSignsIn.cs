using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Opening the confirmation link signs the person in and continues where they were going (issue 15 item 6), but only
/// on its first use: the same link later (an old email, someone else reading it) confirms nothing new and signs no one in.
/// </summary>
public sealed class ConfirmingSignsIn(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheLinkSignsInAndContinuesToTheInviteThePersonOpened()
    {
        var form = new RegistrationForm();
        var link = await RegisterAsync(form, "/join/an-invite-token");
        Assert.Equal("/join/an-invite-token", QueryHelpers.ParseQuery(link.Query)["returnUrl"].ToString());

        using var browser = app.NewBrowser();
        using var confirmation = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
        Assert.Equal("/join/an-invite-token", new Uri(new Uri("http://localhost/"), confirmation.Headers.Location!).AbsolutePath);
        Assert.True(AppBrowser.SetsAuthCookie(confirmation), "Confirming did not sign the person in.");
    }

    [Fact]
    public async Task TheSameLinkASecondTimeSignsNoOneIn()
    {
        var form = new RegistrationForm();
        var link = await RegisterAsync(form, returnUrl: null);
        using (var first = await app.NewBrowser().GetAsync(link.PathAndQuery))
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
        var link = await RegisterAsync(new RegistrationForm(), returnUrl: null);
        var tampered = QueryHelpers.AddQueryString(link.PathAndQuery, "returnUrl", "//evil.example/steal");

        using var confirmation = await app.NewBrowser().GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
        Assert.DoesNotContain("evil.example", confirmation.Headers.Location?.OriginalString ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Uri> RegisterAsync(RegistrationForm form, string? returnUrl)
    {
        using var browser = app.NewBrowser();
        var path = returnUrl is null ? "/Account/Register" : QueryHelpers.AddQueryString("/Account/Register", "returnUrl", returnUrl);
        using (var registered = await browser.SubmitFormAsync(path, "register", form.Fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        return DevMailboxReader.ConfirmationLink(Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email)));
    }
}
