using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// An open dashboard hears its partner's positives, gratitude and acknowledgements (issue 6, "Live"): the page's
/// subscription is <c>PositivesService.SubscribeAsync</c>. A change reaches the couple's listeners on this instance
/// before the partner's call returns, so "heard nothing" is checked right after that call, with no waiting.
/// </summary>
public sealed class PositivesLiveUpdates(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task WhenSamLogsAPositiveAlexsOpenDashboardHearsItAndAStrangersDoesNot()
    {
        var couple = await _app.PairNewAsync();
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");
        await using var alexsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Inviter);
        await using var strangersPage = await OpenDashboardPage.OpenAsync(_app.Services, stranger.Inviter);

        var logged = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help, "You fixed the tap.");

        Assert.Equal(CoupleChange.PositiveLogged, await alexsPage.NextAsync(Patience));
        Assert.False(strangersPage.HasHeardAnything, "The stranger's dashboard heard another couple's positive.");
        // What Alex's page then reloads: Sam's entry, ready to acknowledge.
        var reloaded = await alexsPage.Services.Dashboard.GetAsync();
        Assert.Equal((logged.Id, "You fixed the tap.", true), (reloaded!.Latest[0].Id, reloaded.Latest[0].Note, reloaded.Latest[0].CanAcknowledge));
    }

    [Fact]
    public async Task TonightsGratitudeIsHeardAsALoggedPositive()
    {
        var couple = await _app.PairNewAsync();
        await using var samsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Partner);

        await _app.WriteGratitudeAsync(couple.Inviter, "You stayed calm.");

        Assert.Equal(CoupleChange.PositiveLogged, await samsPage.NextAsync(Patience));
        Assert.True((await samsPage.Services.Dashboard.GetAsync())!.PartnerThankedToday);
    }

    [Fact]
    public async Task WhenAlexAcknowledgesSamsOpenDashboardHearsItAndShowsTheAcknowledgement()
    {
        var couple = await _app.PairNewAsync();
        var logged = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Affection, "The note in my bag.");
        await using var samsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Partner);

        await _app.AcknowledgeAsync(couple.Inviter, logged.Id);

        Assert.Equal(CoupleChange.PositiveAcknowledged, await samsPage.NextAsync(Patience));
        var reloaded = await samsPage.Services.Dashboard.GetAsync();
        Assert.NotNull(Assert.Single(reloaded!.Latest).AcknowledgedAt);
    }

    [Fact]
    public async Task RefusedEntriesAreNotAnnouncedAndAClosedPageHearsNothing()
    {
        var couple = await _app.PairNewAsync();
        var alexsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Inviter);
        await using (var asSam = _app.AsUser(couple.Partner))
        {
            Assert.False((await asSam.Positives.LogAsync(new() { Kind = PositiveKind.Help, Day = DateOnly.MaxValue })).Succeeded);
            Assert.False((await asSam.Positives.LogAsync(new() { Kind = (PositiveKind)42 })).Succeeded);
            Assert.False((await asSam.Positives.WriteGratitudeAsync(" ")).Succeeded);
        }

        Assert.False(alexsPage.HasHeardAnything, "A refused entry was announced to the partner's page.");

        await alexsPage.DisposeAsync(); // the page closed
        await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help);

        Assert.False(alexsPage.HasHeardAnything, "A closed page still heard the couple's change.");
    }
}
