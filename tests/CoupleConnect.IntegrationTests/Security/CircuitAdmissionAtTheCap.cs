using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Infrastructure.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 13 (the cap and the flood): at the configured number of open circuits a page that would open another
/// (a signed-in person's) gets a friendly 503 instead, static pages (the account pages, everything signed out) still
/// open, and one client starting circuit connections in a flood gets 429.
/// </summary>
public sealed class CircuitAdmissionAtTheCap(CircuitAdmissionAtTheCap.NoRoomFixture app) : IClassFixture<CircuitAdmissionAtTheCap.NoRoomFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/how-it-works")]
    [InlineData("/rituals")]
    public async Task APageThatWouldOpenACircuitGetsTheBusyPage(string path)
    {
        var person = await app.Driver.NewPersonAsync("Robin");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "The busy page says when to try again.");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("We're a little busy right now", page, StringComparison.Ordinal);
        Assert.DoesNotContain("_framework/blazor.web.js", page, StringComparison.Ordinal); // no circuit is started from it
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/how-it-works")]
    public async Task StaticPagesStillOpen(string path)
    {
        using var browser = app.NewBrowser(); // signed out: the landing and the guide are static too (ADR 0023)

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ANewCircuitConnectionIsRefusedAtTheCap()
    {
        var context = await NegotiateFromAsync("198.51.100.30");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
    }

    [Fact]
    public async Task OneClientStartingConnectionsInAFloodIsSlowedWhileAnotherIsNot()
    {
        var statuses = new List<int>();
        for (var attempt = 0; attempt < NoRoomFixture.ConnectionsPerMinute + 1; attempt++)
        {
            statuses.Add((await NegotiateFromAsync("203.0.113.77")).Response.StatusCode);
        }

        Assert.DoesNotContain(StatusCodes.Status429TooManyRequests, statuses.Take(NoRoomFixture.ConnectionsPerMinute));
        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, (await NegotiateFromAsync("203.0.113.78")).Response.StatusCode);
    }

    [Fact]
    public async Task CircuitsAreCountedAsTheyOpenAndClose()
    {
        var open = new OpenCircuits();
        var first = new CountingCircuitHandler(open);
        var second = new CountingCircuitHandler(open);

        await first.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await second.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await first.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.Equal(1, open.Count);
        using var scope = app.Factory.Services.CreateScope();
        Assert.Contains(scope.ServiceProvider.GetServices<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(), handler => handler is CountingCircuitHandler);
    }

    private Task<HttpContext> NegotiateFromAsync(string address) =>
        app.Factory.Server.SendFromAsync(HttpMethods.Post, "/_blazor/negotiate", address);

    /// <summary>An instance with no room for circuits at all, and a small per-client connection budget.</summary>
    public sealed class NoRoomFixture : AppFixture
    {
        public const int ConnectionsPerMinute = 3;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["CoupleConnect:Circuits:MaxOpen"] = "0",
            ["CoupleConnect:Circuits:ConnectionsPerClientPerMinute"] = ConnectionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
