using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.CheckIns;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// The stranger helper applied to the check-in pages and services: a person from another couple and an unpaired
/// person see nothing of the victim's answers. And the one person inside the couple who must not see an answer yet,
/// the partner before the reveal, doesn't find it in any page either.
/// </summary>
public sealed class StrangersSeeNoCheckIns(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheCheckInPagesShowStrangersNoneOfTheVictimsAnswers()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var routes = CoupleScopedRoutes.CoupleRoutes(victim).Where(route => route is "/" or "/today" || route.StartsWith("/checkin", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, routes.Count);

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, routes);

        Assert.Equal(2 * routes.Count, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task TheCheckInServicesGiveStrangersNothingAndLeaveTheVictimsRowsAlone()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var current = await _app.CheckInTables.SnapshotAsync(victim.Current.CoupleId);
        var former = await _app.CheckInTables.SnapshotAsync(victim.Former.CoupleId);

        await CoupleScopedRoutes.AssertStrangersGetNothingFromServicesAsync(
            _app, victim, CoupleScopedRoutes.CoupleServiceProbes(victim).Where(probe => probe.Name.StartsWith("CheckInService.", StringComparison.Ordinal)));

        Assert.Equal(current, await _app.CheckInTables.SnapshotAsync(victim.Current.CoupleId));
        Assert.Equal(former, await _app.CheckInTables.SnapshotAsync(victim.Former.CoupleId));
    }

    [Fact]
    public async Task TheVictimsThemselvesDoSeeTheirAnswersOnThoseRoutes()
    {
        // The positive control: the answers the stranger test looks for are on the couple's own pages.
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var (membersAnswer, partnersAnswer) = (victim.AnswerTexts[0], victim.AnswerTexts[1]);
        foreach (var person in new[] { victim.Member, victim.Partner })
        {
            using var browser = app.NewBrowser();
            await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);
            foreach (var route in new[] { "/", "/checkin/history", $"/checkin/{victim.CheckInDay:yyyy-MM-dd}" })
            {
                var page = await browser.GetPageAsync(route);
                Assert.True(CoupleScopedRoutes.Shows(page, membersAnswer) && CoupleScopedRoutes.Shows(page, partnersAnswer), $"{route} for {person.DisplayName} does not show both revealed answers.");
                Assert.DoesNotContain("<b>with you</b>", page, StringComparison.Ordinal); // markup in an answer is shown as text
            }
        }

        // The former couple's answers stay with the former couple: the member's current pages don't show them.
        using var member = app.NewBrowser();
        await member.LogInSuccessfullyAsync(victim.Member.Email, AppFixture.Password);
        var history = await member.GetPageAsync("/checkin/history");
        Assert.False(CoupleScopedRoutes.Shows(history, victim.AnswerTexts[2]) || CoupleScopedRoutes.Shows(history, victim.AnswerTexts[3]), "The current couple's history shows the former couple's answers.");
    }

    [Fact]
    public async Task ThePartnerFindsNoUnrevealedAnswerOnAnyPage()
    {
        var couple = await _app.PairNewAsync($"Alex {Guid.NewGuid():N}"[..13], $"Sam {Guid.NewGuid():N}"[..12]);
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var marker = Guid.NewGuid().ToString("N");
        var alexsAnswer = $"<script>alert('{marker}')</script> & the tea you made";
        var day = (await _app.AnswerTodayAsync(alex, alexsAnswer)).Day;
        var routes = new[] { "/", "/checkin/history", $"/checkin/{day:yyyy-MM-dd}" };
        var secret = new VictimCouple(couple, couple, [alexsAnswer, marker]);

        using (var asSam = app.NewBrowser())
        {
            await asSam.LogInSuccessfullyAsync(sam.Email, AppFixture.Password);
            foreach (var route in routes)
            {
                var page = await asSam.GetPageAsync(route);
                CoupleScopedRoutes.AssertNoSecrets(secret, $"GET {route} as the partner before the reveal", page);
                // The home page says it in the question card, or (when something else is "now", e.g. the evening's
                // gratitude) in its "also today" line; the history says it in the day's row.
                var name = WebUtility.HtmlEncode(alex.DisplayName);
                Assert.True(
                    new[] { $"{name} has answered", $"{name} answered: your turn", $"{name} answered. Your turn" }.Any(line => page.Contains(line, StringComparison.Ordinal)),
                    $"GET {route} does not tell the partner that {alex.DisplayName} has answered.");
            }
        }

        using (var asAlex = app.NewBrowser())
        {
            await asAlex.LogInSuccessfullyAsync(alex.Email, AppFixture.Password);
            // The day's page, not the home page: in the evening the home puts gratitude first (docs/adr/0029).
            var own = await asAlex.GetPageAsync($"/checkin/{day:yyyy-MM-dd}");
            Assert.True(CoupleScopedRoutes.Shows(own, alexsAnswer), "Alex's own page of the day does not show his answer.");
            Assert.DoesNotContain(alexsAnswer, own, StringComparison.Ordinal); // shown as text: its <script> is encoded
        }

        await _app.AnswerAsync(sam, day, "Sam's answer");
        using var samAfter = app.NewBrowser();
        await samAfter.LogInSuccessfullyAsync(sam.Email, AppFixture.Password);
        // Not the home page: in the evening it puts gratitude first and the answers wait on the day's page (docs/adr/0029).
        foreach (var route in routes.Where(route => route != "/"))
        {
            var page = await samAfter.GetPageAsync(route);
            Assert.True(CoupleScopedRoutes.Shows(page, alexsAnswer), $"GET {route} does not show the partner's answer after the reveal.");
            Assert.DoesNotContain(alexsAnswer, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnpairedPersonsCheckInPagesSayItStartsOnceTheirPartnerJoins()
    {
        var loner = await _app.NewPersonAsync("Loner");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(loner.Email, AppFixture.Password);

        var history = await browser.GetPageAsync("/checkin/history");

        Assert.Contains(WebUtility.HtmlEncode(CheckInService.NotPairedMessage), history, StringComparison.Ordinal);
        using var day = await browser.GetAsync("/checkin/2026-01-01");
        Assert.Equal(HttpStatusCode.OK, day.StatusCode);
        using var bad = await browser.GetAsync("/checkin/not-a-date");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode); // a clear "not a date" message, never a 500
        Assert.Contains("That isn", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
