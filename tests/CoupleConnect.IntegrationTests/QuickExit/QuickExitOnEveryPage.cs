using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.QuickExit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.QuickExit;

/// <summary>
/// Issue 17 item 5: every page the route table holds, signed in and signed out, Blazor and static account pages alike,
/// has the quick exit (the first thing in the page, so the first Tab reaches it) to the configured neutral site, and
/// loads its script in the head (so a page reached by going back after an exit moves on before it is painted).
/// The browser side is proven in real Chromium (E2E QuickExitJourney).
/// </summary>
public sealed partial class QuickExitOnEveryPage(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<string, string> AnyValues = new(StringComparer.Ordinal)
    {
        ["Id"] = Guid.NewGuid().ToString(),
        ["DayText"] = "2026-03-29",
        ["Token"] = "no-such-invite",
        ["Code"] = "404",
    };

    public static TheoryData<bool> SignedIn => new() { true, false };

    [Theory]
    [MemberData(nameof(SignedIn))]
    public async Task EveryPageStartsWithTheQuickExitToTheNeutralSiteAndLoadsItsScriptInTheHead(bool signedIn)
    {
        using var browser = app.NewBrowser();
        if (signedIn)
        {
            await browser.LogInSuccessfullyAsync(await app.CreateConfirmedUserAsync(displayName: "Noor"), AppFixture.Password);
        }

        var neutral = app.Factory.Services.GetRequiredService<IOptions<QuickExitOptions>>().Value.Url.ToString();
        var missing = new List<string>();
        var read = 0;
        foreach (var page in RoutablePages.Of(app.Factory.Services))
        {
            var path = RoutablePages.Fill(page, AnyValues);
            using var response = await browser.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
            {
                continue; // a redirect, or a bare status with no page: nothing is shown
            }

            var html = await response.Content.ReadAsStringAsync();
            read++;
            var head = Head().Match(html).Value;
            var firstInBody = FirstInBody().Match(html).Groups["first"].Value;
            if (!firstInBody.Contains($"href=\"{neutral}\"", StringComparison.Ordinal) || !firstInBody.Contains("data-quick-exit", StringComparison.Ordinal)
                || !QuickExitScript().IsMatch(head) || !head.Contains($"<meta name=\"cc-quick-exit\" content=\"{neutral}\"", StringComparison.Ordinal))
            {
                missing.Add(path);
            }

            output.WriteLine($"{path}: {(missing.Contains(path) ? "missing" : "ok")}");
        }

        Assert.True(read > 10, $"Only {read} pages answered with a page.");
        Assert.True(missing.Count == 0, "Pages without the quick exit: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheNeutralSiteIsAWeatherForecastUnlessTheOperatorChoosesAnother()
    {
        Assert.Equal(new Uri("https://www.bbc.com/weather"), app.Factory.Services.GetRequiredService<IOptions<QuickExitOptions>>().Value.Url);
        Assert.False(QuickExitOptions.IsUsable(new QuickExitOptions { Url = new Uri("javascript:alert(1)") }));
        Assert.False(QuickExitOptions.IsUsable(new QuickExitOptions { Url = new Uri("/relative", UriKind.Relative) }));
        Assert.True(QuickExitOptions.IsUsable(new QuickExitOptions { Url = new Uri("https://news.example.org/") }));
    }

    [GeneratedRegex("<head>.*?</head>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"<body>\s*<aside aria-label=""Quick exit"">\s*(?<first><a [^>]*>)", RegexOptions.Singleline)]
    private static partial Regex FirstInBody();

    [GeneratedRegex(@"<script src=""[^""]*js/quick-exit[^""]*\.js""")]
    private static partial Regex QuickExitScript();
}
