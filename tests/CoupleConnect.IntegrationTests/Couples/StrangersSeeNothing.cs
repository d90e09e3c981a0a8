using System.Net;
using System.Text.Json;
using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>No third person can see into a couple: the stranger helper applied to every couple route and service so far.</summary>
public sealed class StrangersSeeNothing(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task EveryCoupleRouteShowsStrangersNothingOfTheCouple()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, CoupleScopedRoutes.CoupleRoutes(victim));

        Assert.Equal(2 * CoupleScopedRoutes.CoupleRoutes(victim).Count, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task EveryCoupleServiceGivesStrangersNothingOfTheCouple()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var before = await _app.Tables.CoupleAsync(victim.Current.CoupleId);

        await CoupleScopedRoutes.AssertStrangersGetNothingFromServicesAsync(_app, victim, CoupleScopedRoutes.CoupleServiceProbes(victim));

        Assert.Equal(before, await _app.Tables.CoupleAsync(victim.Current.CoupleId));
        Assert.Equal(1, await _app.Tables.ActiveMembershipCountAsync(victim.Member.Id));
    }

    [Fact]
    public async Task TheVictimsThemselvesDoSeeTheirData()
    {
        // The positive control: the same strings the stranger test looks for are there for the couple itself,
        // so "not found in the stranger's page" means something.
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        await using var asMember = _app.AsUser(victim.Member);
        var ownHome = JsonSerializer.Serialize(await asMember.Home.GetAsync());
        var leak = Assert.Throws<Xunit.Sdk.TrueException>(() => CoupleScopedRoutes.AssertNoSecrets(victim, "the member's own home", ownHome));
        Assert.Contains(victim.CoupleName, leak.Message, StringComparison.Ordinal);

        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(victim.Member.Email, AppFixture.Password);
        var home = await browser.GetPageAsync("/");
        Assert.Contains(WebUtility.HtmlEncode(victim.Partner.DisplayName), home, StringComparison.Ordinal);
        var homeLeak = Assert.Throws<Xunit.Sdk.TrueException>(() => CoupleScopedRoutes.AssertNoSecrets(victim, "the member's own home page", home));
        Assert.Contains(victim.CoupleName, homeLeak.Message, StringComparison.Ordinal); // found although the HTML encodes its & and '
        var settings = await browser.GetPageAsync("/couple/settings");
        Assert.Contains(WebUtility.HtmlEncode(victim.Partner.DisplayName), settings, StringComparison.Ordinal);

        using var export = await browser.GetAsync("/couple/archive/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var partners = document.RootElement.GetProperty("couple").GetProperty("partners").EnumerateArray().Select(partner => partner.GetProperty("displayName").GetString());
        Assert.Contains(victim.FormerPartner.DisplayName, partners);
    }

    [Fact]
    public async Task AStrangerSignedInOverHttpDoesSeeTheirOwnCouple()
    {
        // The other positive control: the stranger's cookie works and the same pages do show a couple, just their own.
        var stranger = await CoupleScopedRoutes.CreateOtherCoupleAsync(_app);
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(stranger.Inviter.Email, AppFixture.Password);

        Assert.Contains(WebUtility.HtmlEncode(stranger.Partner.DisplayName), await browser.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(stranger.Partner.DisplayName), await browser.GetPageAsync("/couple/settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsedLinkTellsAStrangerOnlyThatItWasUsed()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        foreach (var (who, stranger) in await CoupleScopedRoutes.CreateStrangersAsync(_app))
        {
            using var browser = app.NewBrowser();
            await browser.LogInSuccessfullyAsync(stranger.Email, AppFixture.Password);

            var page = await browser.GetPageAsync($"/join/{victim.Current.Token}");

            Assert.True(page.Contains(WebUtility.HtmlEncode(CoupleRuleException.MessageFor(CoupleRule.InviteAlreadyUsed)), StringComparison.Ordinal), $"The used link's page for {who} does not say it was used.");
            CoupleScopedRoutes.AssertNoSecrets(victim, $"the used link as {who}", page);
        }
    }

    [Fact]
    public async Task TheArchiveExportIsNotFoundForAStrangerAndNeedsSignIn()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        foreach (var (who, stranger) in await CoupleScopedRoutes.CreateStrangersAsync(_app))
        {
            using var browser = app.NewBrowser();
            await browser.LogInSuccessfullyAsync(stranger.Email, AppFixture.Password);
            using var response = await browser.GetAsync("/couple/archive/export");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"The export answered {(int)response.StatusCode} for {who}.");
            CoupleScopedRoutes.AssertNoSecrets(victim, $"the export as {who}", await response.Content.ReadAsStringAsync());
        }

        using var signedOut = app.NewBrowser();
        using var anonymous = await signedOut.GetAsync("/couple/archive/export");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrangerActingOnTheirOwnCoupleNeverTouchesAnother()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var victimBefore = await _app.Tables.CoupleAsync(victim.Current.CoupleId);
        var stranger = await _app.PairNewAsync("Robin", "Noor");

        await using (var asStranger = _app.AsUser(stranger.Inviter))
        {
            var renamed = await asStranger.Settings.SaveAsync(new CoupleSettingsInput { Name = "Ours now", HomeTimeZoneId = "UTC" });
            Assert.True(renamed.Succeeded, renamed.Error);
            Assert.True((await asStranger.Settings.LeaveAsync("leave")).Succeeded);
        }

        Assert.Equal(victimBefore, await _app.Tables.CoupleAsync(victim.Current.CoupleId));
        Assert.Equal([victim.Current.CoupleId], await _app.Tables.ActiveCoupleIdsOfAsync(victim.Partner.Id));
        Assert.Equal("Ours now", (await _app.Tables.CoupleAsync(stranger.CoupleId))?.Name);
    }
}
