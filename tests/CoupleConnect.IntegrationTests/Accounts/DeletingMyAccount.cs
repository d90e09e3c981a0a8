using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

public sealed class DeletingMyAccount(AppFixture app) : IClassFixture<AppFixture>
{
    private const string DeletePage = "/Account/Manage/DeletePersonalData";

    [Fact]
    public async Task WithTheRightPasswordRemovesTheAccountAndSignsOut()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using (var response = await browser.SubmitFormAsync(DeletePage, "delete-user", new Dictionary<string, string> { ["Input.Password"] = AppFixture.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(0, await app.Users.CountByEmailAsync(email));
        using var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode); // signed out: sent to login
        using var stranger = app.NewBrowser();
        using var login = await stranger.LogInAsync(email, AppFixture.Password);
        Assert.False(AppBrowser.SetsAuthCookie(login), "A deleted account could still log in.");
    }

    [Fact]
    public async Task WithAWrongPasswordKeepsTheAccount()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using var response = await browser.SubmitFormAsync(DeletePage, "delete-user", new Dictionary<string, string> { ["Input.Password"] = "not my password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Incorrect password", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Users.CountByEmailAsync(email));
    }
}
