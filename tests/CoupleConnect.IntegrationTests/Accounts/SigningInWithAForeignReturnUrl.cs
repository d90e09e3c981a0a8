using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>Issue 13, item 8: a return address that leaves the site is ignored after sign-in (home page), never an error.</summary>
public sealed class SigningInWithAForeignReturnUrl(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SignInGoesHomeInsteadOfLeavingTheSite(string returnUrl)
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();

        using var login = await browser.SubmitFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AppFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(AppBrowser.SetsAuthCookie(login), "The sign-in itself did not happen.");
        var location = login.Headers.Location!;
        Assert.False(location.IsAbsoluteUri && location.Host != "localhost", $"Sign-in sent the browser to {location}.");
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
    }

    [Fact]
    public async Task ALocalReturnUrlIsStillHonoured()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();

        using var login = await browser.SubmitFormAsync("/Account/Login?ReturnUrl=%2Frituals", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AppFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/rituals", login.Headers.Location!.IsAbsoluteUri ? login.Headers.Location.AbsolutePath : login.Headers.Location.OriginalString);
    }
}
