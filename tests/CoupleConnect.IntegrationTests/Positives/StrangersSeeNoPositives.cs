using CoupleConnect.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// The stranger helper applied to the dashboard, the gratitude page and the positives and dashboard services: a person
/// from another couple and an unpaired person see nothing of the victim's notes, and acknowledging the victim's entries
/// by id changes nothing. The couple itself does see its notes there (shown as text), and not its former couple's.
/// </summary>
public sealed class StrangersSeeNoPositives(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private static readonly string[] Routes = ["/", "/gratitude", "/positives"];

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheDashboardAndGratitudePagesShowStrangersNoneOfTheVictimsNotes()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        Assert.Subset(CoupleScopedRoutes.CoupleRoutes(victim).ToHashSet(), Routes.ToHashSet());

        var seen = await CoupleScopedRoutes.AssertStrangersSeeNothingAsync(app, victim, Routes);

        Assert.Equal(2 * Routes.Length, seen.Count);
        seen.ToList().ForEach(output.WriteLine);
    }

    [Fact]
    public async Task ThePositivesAndDashboardServicesGiveStrangersNothingAndLeaveTheVictimsRowsAlone()
    {
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var probes = CoupleScopedRoutes.CoupleServiceProbes(victim)
            .Where(probe => probe.Name.StartsWith("PositivesService.", StringComparison.Ordinal) || probe.Name.StartsWith("DashboardService.", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, probes.Count(probe => probe.Name.StartsWith("PositivesService.AcknowledgeAsync(victim's", StringComparison.Ordinal)));
        var current = await _app.Positives().SnapshotAsync(victim.Current.CoupleId);
        var former = await _app.Positives().SnapshotAsync(victim.Former.CoupleId);

        await CoupleScopedRoutes.AssertStrangersGetNothingFromServicesAsync(_app, victim, probes);

        Assert.Equal(current, await _app.Positives().SnapshotAsync(victim.Current.CoupleId));
        Assert.Equal(former, await _app.Positives().SnapshotAsync(victim.Former.CoupleId));
        Assert.Equal(2, (await _app.Positives().OfCoupleAsync(victim.Current.CoupleId)).Count);
    }

    [Fact]
    public async Task TheVictimsThemselvesSeeTheirNotesAsTextButNotTheirFormerCouples()
    {
        // The positive control: the notes the stranger test looks for are on the couple's own pages.
        var victim = await CoupleScopedRoutes.CreateVictimAsync(_app);
        var (positiveNote, gratitudeNote, formerNote) = (victim.PositiveNotes[0], victim.PositiveNotes[1], victim.PositiveNotes[2]);
        foreach (var person in new[] { victim.Member, victim.Partner })
        {
            using var browser = app.NewBrowser();
            await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);
            foreach (var route in Routes)
            {
                var page = await browser.GetPageAsync(route);
                Assert.True(CoupleScopedRoutes.Shows(page, positiveNote) && CoupleScopedRoutes.Shows(page, gratitudeNote), $"{route} for {person.DisplayName} does not show both notes.");
                Assert.DoesNotContain("<b>cello</b>", page, StringComparison.Ordinal); // markup in a note is shown as text
                Assert.False(CoupleScopedRoutes.Shows(page, formerNote), $"{route} for {person.DisplayName} shows the former couple's note.");
            }
        }
    }
}
