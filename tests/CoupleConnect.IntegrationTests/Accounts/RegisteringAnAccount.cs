using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>Register → confirmation email in the dev mailbox → open its link → log in.</summary>
public sealed class RegisteringAnAccount(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ConfirmationEmailLinkConfirmsTheAccountAndThenLoginSucceeds()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Sam", TimeZoneId = "America/Sao_Paulo" };
        var before = DateTimeOffset.UtcNow;

        using (var registered = await form.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            Assert.Equal("/Account/RegisterConfirmation", PathOf(registered.Headers.Location));
        }

        var email = Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email));
        Assert.Equal("Confirm your email for CoupleConnect", email.Subject);
        Assert.False(string.IsNullOrWhiteSpace(email.HtmlBody), "The email has no HTML part.");
        Assert.False(string.IsNullOrWhiteSpace(email.TextBody), "The email has no plain-text part.");
        Assert.Contains("Welcome, Sam", email.TextBody);
        Assert.Contains("Confirm this is your email address, and then you can invite your partner.", email.TextBody);
        Assert.Contains("Welcome, Sam", email.HtmlBody);
        Assert.Contains("/Account/ConfirmEmail?", email.HtmlBody);
        var link = DevMailboxReader.ConfirmationLink(email);
        Assert.Equal("/Account/ConfirmEmail", link.AbsolutePath);

        var unconfirmed = await app.Users.FindByEmailAsync(form.Email);
        Assert.NotNull(unconfirmed);
        Assert.False(unconfirmed.EmailConfirmed);

        // The link signs the person in and carries on (issue 15 item 6): no separate sign-in screen.
        using (var confirmation = await browser.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmation.StatusCode);
            Assert.Equal("/", PathOf(confirmation.Headers.Location));
            Assert.True(AppBrowser.SetsAuthCookie(confirmation), "Confirming did not sign the person in.");
        }

        using (var manage = await browser.GetAsync("/Account/Manage"))
        {
            Assert.Equal(HttpStatusCode.OK, manage.StatusCode); // signed in: the account page opens instead of redirecting to login
        }

        using (var login = await app.NewBrowser().LogInAsync(form.Email, form.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/", PathOf(login.Headers.Location));
            Assert.True(AppBrowser.SetsAuthCookie(login), "Login did not set the CoupleConnect.Auth cookie.");
        }

        var user = await app.Users.FindByEmailAsync(form.Email);
        Assert.NotNull(user);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Sam", user.DisplayName);
        Assert.Equal("America/Sao_Paulo", user.TimeZoneId);
        Assert.InRange(user.CreatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task ANameWithAccentsAndEmojiIsStoredExactlyAsTyped()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Zoë ❤️ Łukasz" };

        using var registered = await form.SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("Zoë ❤️ Łukasz", (await app.Users.FindByEmailAsync(form.Email))?.DisplayName);
        Assert.Contains("Welcome, Zoë ❤️ Łukasz", Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email)).TextBody);
    }

    [Theory]
    [InlineData("o'brien")]
    [InlineData("jö.kim")]
    [InlineData("sam+couples")]
    public async Task RealAddressesWithApostrophesAccentsOrPlusAreAccepted(string localPart)
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { Email = $"{localPart}.{Guid.NewGuid():N}@example.com", DisplayName = "Kim" };

        using var registered = await form.SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.NotNull(await app.Users.FindByEmailAsync(form.Email));
    }

    [Fact]
    public async Task ANameWithACoupleEmojiIsAccepted()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Sam \U0001F469\u200D\u2764\uFE0F\u200D\U0001F468" };

        using var registered = await form.SubmitAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(form.DisplayName, (await app.Users.FindByEmailAsync(form.Email))?.DisplayName);
    }

    [Fact]
    public async Task AConfirmationLinkWithAnAlteredCodeConfirmsNothing()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm();
        using (var registered = await form.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var link = DevMailboxReader.ConfirmationLink(Assert.Single(DevMailboxReader.MessagesTo(app.Factory.MailboxPath, form.Email)));
        var user = await app.Users.FindByEmailAsync(form.Email);
        var forged = $"/Account/ConfirmEmail?userId={user!.Id}&code={Uri.EscapeDataString("Q2ZESjhBRWNaTUhiSXpsQmxHRUVrZVVD")}";
        Assert.NotEqual(link.PathAndQuery, forged);

        using var confirmation = await browser.GetAsync(forged);

        Assert.NotEqual(HttpStatusCode.InternalServerError, confirmation.StatusCode);
        Assert.Contains("role=\"alert\"", await confirmation.Content.ReadAsStringAsync());
        Assert.False((await app.Users.FindByEmailAsync(form.Email))!.EmailConfirmed);
        using var login = await browser.LogInAsync(form.Email, form.Password);
        Assert.False(AppBrowser.SetsAuthCookie(login));
    }

    private static string PathOf(Uri? location)
    {
        Assert.NotNull(location);
        return (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location)).AbsolutePath;
    }
}
