using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

public sealed class LoggingInBeforeConfirmingEmail(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task IsRefusedWithAMessageToConfirmTheEmailFirst()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm();
        using (var registered = await form.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var login = await browser.LogInAsync(form.Email, form.Password);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(AppBrowser.SetsAuthCookie(login), "An unconfirmed account got an auth cookie.");
        Assert.Contains("Please confirm your email address first", WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()));
        using var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode); // still anonymous: sent to the login page
        Assert.Contains("/Account/Login", manage.Headers.Location?.ToString());
    }
}
