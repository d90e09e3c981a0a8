using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Security;

/// <summary>
/// Every kind of response carries the hardening headers: a page, a static asset, a plain endpoint, the 404 page and
/// (in Production) the error page after an exception. HSTS is sent in Production over HTTPS, never in Development.
/// </summary>
public sealed class SecurityHeadersOnEveryResponse(ProductionAppFixture production, AppFixture development)
    : IClassFixture<ProductionAppFixture>, IClassFixture<AppFixture>
{
    public const int OneYearInSeconds = 365 * 24 * 60 * 60;

    /// <summary>(path, expected status): one of each kind of response.</summary>
    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/Account/Login", HttpStatusCode.OK },
        { "/favicon.svg", HttpStatusCode.OK },
        { "/sw.js", HttpStatusCode.OK },
        { "/manifest.webmanifest", HttpStatusCode.OK },
        { "/health/live", HttpStatusCode.OK },
        { "/calendar/not-a-token.ics", HttpStatusCode.NotFound },
        { "/no-such-page", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task InProductionEveryResponseCarriesTheHeadersAndHsts(string path, HttpStatusCode expected)
    {
        using var browser = production.NewBrowser();

        using var response = await browser.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertHardeningHeaders(response, path);
        AssertHsts(response, path);
    }

    [Fact]
    public async Task InProductionTheErrorPageAfterAnExceptionCarriesTheHeadersAndHsts()
    {
        using var browser = production.NewBrowser();

        using var response = await browser.GetAsync(ProductionAppFixture.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("A test-only failure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertHardeningHeaders(response, ProductionAppFixture.FailingPath);
        AssertHsts(response, ProductionAppFixture.FailingPath);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task InDevelopmentEveryResponseCarriesTheHeadersButNoHsts(string path, HttpStatusCode expected)
    {
        using var browser = development.NewBrowser();
        browser.Http.BaseAddress = ProductionAppFixture.PublicAddress; // HTTPS and not localhost: only the environment differs

        using var response = await browser.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertHardeningHeaders(response, path);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{path} sent HSTS in Development.");
    }

    [Fact]
    public async Task InProductionHstsIsNotSentOverPlainHttp()
    {
        using var browser = production.NewBrowser();
        browser.Http.BaseAddress = new Uri("http://coupleconnect.example/");

        using var response = await browser.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP is ignored by browsers and must not be sent.");
    }

    [Fact]
    public void ThePolicyAllowsOnlyTheAppItselfToRunScriptsAndNobodyToFrameIt()
    {
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new Microsoft.AspNetCore.Http.HostString("coupleconnect.example");
        var policy = ContentSecurityPolicy.Parse(CoupleConnect.Web.Infrastructure.Security.SecurityHeaders.PolicyFor(request, "bm9uY2U="));

        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'", "'nonce-bm9uY2U='"], policy["script-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'self'"], policy["base-uri"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.Equal(["'self'", "wss://coupleconnect.example"], policy["connect-src"]);
        Assert.Equal(["'self'"], policy["worker-src"]); // the service worker (docs/adr/0043)
        Assert.Equal(["'self'"], policy["manifest-src"]);
        Assert.DoesNotContain(policy.Values.SelectMany(sources => sources), source => source is "*" or "'unsafe-eval'" or "http:" or "https:" or "ws:" or "wss:");
    }

    [Fact]
    public async Task ConnectionsAreAllowedOnlyToTheAppsOwnOriginAndItsWebSocket()
    {
        using var browser = production.NewBrowser();

        using var response = await browser.GetAsync("/Account/Login");

        var policy = ContentSecurityPolicy.Parse(Header(response, "Content-Security-Policy", "/Account/Login"));
        Assert.Equal(["'self'", "wss://coupleconnect.example"], policy["connect-src"]);
    }

    [Fact]
    public async Task EachPageHasItsOwnScriptNonceAndEveryInlineScriptOnItCarriesIt()
    {
        using var browser = production.NewBrowser();
        var nonces = new List<string>();

        foreach (var path in new[] { "/", "/Account/Login", "/Account/Login" })
        {
            using var response = await browser.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            var nonce = ScriptNonce(ContentSecurityPolicy.Parse(Header(response, "Content-Security-Policy", path)), path);
            Assert.True(Convert.FromBase64String(nonce).Length >= 16, $"{path}: the nonce '{nonce}' has fewer than 128 bits.");
            var inlineScripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\ssrc=)[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                .Select(match => WebUtility.HtmlDecode(match.Value)) // Razor writes a nonce's '+' as &#x2B;, which the browser reads as '+'
                .ToList();
            Assert.Contains(inlineScripts, script => script.Contains("type=\"importmap\"", StringComparison.Ordinal));
            Assert.All(inlineScripts, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
            nonces.Add(nonce);
        }

        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>script-src is the app itself and one nonce, nothing else: no 'unsafe-inline', no hosts.</summary>
    private static string ScriptNonce(Dictionary<string, string[]> policy, string path)
    {
        Assert.True(policy.TryGetValue("script-src", out var scripts), $"{path}: no script-src.");
        Assert.True(scripts.Length == 2 && scripts[0] == "'self'" && scripts[1].StartsWith("'nonce-", StringComparison.Ordinal),
            $"{path}: script-src is '{string.Join(' ', scripts)}', not 'self' and one nonce.");
        return scripts[1]["'nonce-".Length..^1];
    }

    private static void AssertHardeningHeaders(HttpResponseMessage response, string path)
    {
        var policy = ContentSecurityPolicy.Parse(Header(response, "Content-Security-Policy", path));
        Assert.True(policy.TryGetValue("frame-ancestors", out var ancestors) && ancestors.SequenceEqual(["'none'"]), $"{path}: frame-ancestors is not 'none'.");
        ScriptNonce(policy, path);
        Assert.True(policy.TryGetValue("object-src", out var objects) && objects.SequenceEqual(["'none'"]), $"{path}: object-src is not 'none'.");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", path));
        Assert.Equal("DENY", Header(response, "X-Frame-Options", path));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy", path));
    }

    private static void AssertHsts(HttpResponseMessage response, string path)
    {
        var hsts = Header(response, "Strict-Transport-Security", path);
        var maxAge = hsts.Split(';', StringSplitOptions.TrimEntries).Single(part => part.StartsWith("max-age=", StringComparison.Ordinal));
        Assert.True(int.Parse(maxAge["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture) >= OneYearInSeconds, $"{path}: HSTS '{hsts}' is shorter than a year.");
    }

    private static string Header(HttpResponseMessage response, string name, string path)
    {
        var found = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values);
        Assert.True(found, $"{path} ({(int)response.StatusCode}) has no {name} header.");
        return Assert.Single(values!);
    }

    private static class ContentSecurityPolicy
    {
        /// <summary>"a b c; d e" → { a: [b, c], d: [e] }.</summary>
        public static Dictionary<string, string[]> Parse(string policy) =>
            policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(parts => parts[0], parts => parts[1..], StringComparer.OrdinalIgnoreCase);
    }
}
