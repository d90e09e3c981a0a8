using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Issue 13, item 13 (anonymous pages open no circuit; ADR 0023): every page in the app's own route table, requested
/// by a signed-out visitor, arrives as static HTML with no interactive component in it, so nothing starts a WebSocket
/// and a stranger holds no server memory between requests. A signed-in person's pages still are interactive.
/// </summary>
public sealed class SignedOutPagesOpenNoCircuit(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>What the server writes where a component will become interactive over a circuit.</summary>
    private const string InteractiveServerMarker = "\"type\":\"server\"";

    private static readonly Dictionary<string, string> AnyValues = new(StringComparer.Ordinal)
    {
        ["Id"] = Guid.NewGuid().ToString(),
        ["DayText"] = "2026-03-29",
        ["Token"] = "no-such-invite",
        ["Code"] = "404",
    };

    [Fact]
    public async Task NoPageASignedOutVisitorCanReachStartsACircuit()
    {
        var pages = RoutablePages.Of(app.Factory.Services);
        Assert.Contains(pages, page => page.Route == "/how-it-works"); // the route table was read at all
        using var browser = app.NewBrowser();
        var interactive = new List<string>();
        var reached = 0;

        foreach (var page in pages.Where(page => !StrangerSweepTargets.OpenByDesignInDevelopment.Contains(page.Route)))
        {
            var path = RoutablePages.Fill(page, AnyValues);
            using var response = await browser.GetAsync(path); // a signed-in page answers with its redirect to sign-in
            var html = await response.Content.ReadAsStringAsync();
            reached++;
            if (html.Contains(InteractiveServerMarker, StringComparison.Ordinal))
            {
                interactive.Add($"{path} ({(int)response.StatusCode})");
            }
        }

        Assert.True(reached > 10, $"Only {reached} pages were requested.");
        Assert.True(interactive.Count == 0, "Signed-out pages that would open a circuit: " + string.Join(", ", interactive));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/how-it-works")]
    [InlineData("/join/no-such-invite")]
    [InlineData("/no-such-page")]
    public async Task TheLandingAndGuidePagesRenderFullyWithoutACircuit(string path)
    {
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.DoesNotContain(InteractiveServerMarker, html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal); // the whole page is there, not a shell waiting for a circuit
        Assert.Contains("cc-layout--static", html, StringComparison.Ordinal);
        Assert.DoesNotContain("components-reconnect-modal", html, StringComparison.Ordinal); // nothing to reconnect
    }

    [Fact]
    public async Task ASignedInPersonsHomePageIsStillInteractive()
    {
        var person = await app.Driver.NewPersonAsync("Robin");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);

        var html = await browser.GetPageAsync("/");

        Assert.Contains(InteractiveServerMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain("cc-layout--static", html, StringComparison.Ordinal);
    }
}
