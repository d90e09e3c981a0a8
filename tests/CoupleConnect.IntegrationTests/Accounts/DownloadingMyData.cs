using System.Net;
using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

public sealed class DownloadingMyData(AppFixture app) : IClassFixture<AppFixture>
{
    private const string DownloadPath = "/Account/Manage/DownloadPersonalData";

    [Fact]
    public async Task ASignedInPersonGetsTheirAccountAsJsonWithoutSecrets()
    {
        var email = await app.CreateConfirmedUserAsync(displayName: "Noor", timeZoneId: "Asia/Kolkata");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using var response = await browser.SubmitFormToAsync("/Account/Manage/PersonalData", DownloadPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var account = document.RootElement.GetProperty("account");
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("Noor", account.GetProperty("displayName").GetString());
        Assert.Equal("Asia/Kolkata", account.GetProperty("timeZoneId").GetString());

        var row = await app.Users.FindByEmailAsync(email);
        Assert.NotNull(row?.PasswordHash);
        Assert.NotNull(row.SecurityStamp);
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(row.PasswordHash, json, StringComparison.Ordinal);
        Assert.DoesNotContain(row.SecurityStamp, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousVisitorGetsNoData()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetPageAsync("/Account/Login"); // any page, for a valid antiforgery token
        var token = HtmlForms.FindByFormName(page, "login").HiddenFields["__RequestVerificationToken"];

        using var response = await browser.PostFormAsync(DownloadPath, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using var response = await browser.PostFormAsync(DownloadPath, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
