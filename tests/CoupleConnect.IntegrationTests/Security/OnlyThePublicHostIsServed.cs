using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using Microsoft.AspNetCore.Hosting;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>Outside Development the app serves only the host of its public address, and refuses to start without one.</summary>
public sealed class OnlyThePublicHostIsServed(ProductionAppFixture production) : IClassFixture<ProductionAppFixture>
{
    [Fact]
    public async Task ARequestForAnotherHostIsRefusedBeforeAnyPage()
    {
        using var browser = production.NewBrowser();
        browser.Http.BaseAddress = new Uri("https://evil.example/");

        using var forged = await browser.GetAsync("/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task TheConfiguredHostIsServed()
    {
        using var browser = production.NewBrowser();

        using var page = await browser.GetAsync("/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("", "is not set")]
    [InlineData("couples.example.org", "must be the absolute http(s) address")]
    [InlineData("https://couples.example.org/?next=x", "must be the absolute http(s) address")]
    public async Task WithoutAUsablePublicAddressTheAppRefusesToStartAndSaysWhy(string publicUrl, string reason)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ProductionFactory(database.ConnectionString, publicUrl);

        var refused = Assert.ThrowsAny<InvalidOperationException>(() => factory.Server);

        Assert.Contains("CoupleConnect:PublicUrl", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    private sealed class ProductionFactory(string connectionString, string publicUrl) : CoupleConnectAppFactory(connectionString, new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["CoupleConnect:PublicUrl"] = publicUrl,
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
