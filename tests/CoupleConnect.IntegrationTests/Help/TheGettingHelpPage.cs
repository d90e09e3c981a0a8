using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Help;

/// <summary>
/// Issue 16 ("not therapy" links here) and design §10: the page anyone can open, signed in or not, says the app is not
/// therapy and how to find a couples therapist; without operator settings it stays neutral (no phone numbers we cannot
/// keep accurate); with them it shows the operator's directory and urgent line.
/// </summary>
public sealed class TheGettingHelpPage(AppFixture app, HelpConfiguredAppFixture configured) : IClassFixture<AppFixture>, IClassFixture<HelpConfiguredAppFixture>
{
    [Fact]
    public async Task ASignedOutVisitorReadsNeutralGuidanceWithNoNumbersOrDirectoryLinks()
    {
        using var browser = app.NewBrowser();

        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/getting-help"));

        Assert.Contains("It is not therapy", html, StringComparison.Ordinal);
        Assert.Contains("If you don't feel safe", html, StringComparison.Ordinal);
        Assert.Contains("Finding a couples therapist", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"therapist-directory\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"urgent-help\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\d{3}[ -]?\d{3,4}[ -]?\d{3,4}\b", StripTags(html));
    }

    [Fact]
    public async Task TheOperatorsDirectoryAndUrgentLineAppearWhenConfigured()
    {
        using var browser = configured.NewBrowser();

        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/getting-help"));

        Assert.Contains($"href=\"{HelpConfiguredAppFixture.DirectoryUrl}\"", html, StringComparison.Ordinal);
        Assert.Contains(HelpConfiguredAppFixture.DirectoryName, html, StringComparison.Ordinal);
        Assert.Contains(HelpConfiguredAppFixture.UrgentText, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{HelpConfiguredAppFixture.SafetyUrl}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGuideLinksToIt()
    {
        using var browser = app.NewBrowser();

        var html = await browser.GetPageAsync("/how-it-works");

        Assert.Contains("href=\"getting-help\"", html, StringComparison.Ordinal);
    }

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>|\"[^\"]*\"", " ");
}

/// <summary>An app whose operator added a therapist directory, an urgent line and a safety page.</summary>
public sealed class HelpConfiguredAppFixture : AppFixture
{
    public const string DirectoryUrl = "https://therapists.example.org/couples";
    public const string DirectoryName = "Example couples therapist directory";
    public const string UrgentText = "In an emergency call 112. Example helpline: 0800 000 0000, any time.";
    public const string SafetyUrl = "https://safety.example.org/";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CoupleConnect:Help:TherapistDirectoryUrl"] = DirectoryUrl,
        ["CoupleConnect:Help:TherapistDirectoryName"] = DirectoryName,
        ["CoupleConnect:Help:UrgentHelpText"] = UrgentText,
        ["CoupleConnect:Help:SafetyResourcesUrl"] = SafetyUrl,
    };
}
