using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Jobs;

public sealed class HangfireDashboardAccess(AdminConfiguredAppFixture app) : IClassFixture<AdminConfiguredAppFixture>
{
    private const string DashboardTitle = "CoupleConnect jobs";

    [Fact]
    public async Task AnAnonymousVisitorIsRefused()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync("/hangfire");

        AssertRefused(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedInPersonWhoIsNotAnAdminIsRefused()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using var response = await browser.GetAsync("/hangfire");

        AssertRefused(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminNamedInConfigurationSeesTheDashboard()
    {
        await app.CreateConfirmedUserAsync(app.AdminEmail);
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(app.AdminEmail, AppFixture.Password);

        using var response = await browser.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DashboardTitle, await response.Content.ReadAsStringAsync());
    }

    private static void AssertRefused(HttpResponseMessage response, string body)
    {
        Assert.True(
            response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.Ordinal) == true),
            $"Expected 401, 403 or a redirect to login; got {(int)response.StatusCode}.");
        Assert.DoesNotContain(DashboardTitle, body);
    }
}
