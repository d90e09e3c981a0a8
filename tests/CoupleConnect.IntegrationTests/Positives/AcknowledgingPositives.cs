using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Positives;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// "That meant a lot": only the partner an entry is about can say it, once; the author then sees it on the dashboard.
/// Everyone else (the author, a stranger who knows the id, someone with no couple) is refused with a clear message,
/// the row stays exactly as it was (xmin included), and the couple's open pages hear nothing.
/// </summary>
public sealed class AcknowledgingPositives(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Microsecond = TimeSpan.FromMicroseconds(1);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task ThePartnerItIsAboutAcknowledgesAndTheAuthorSeesItInTheLatestEntries()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var positive = await _app.LogPositiveAsync(sam, PositiveKind.SupportiveGesture, "You came to the appointment.");
        var gratitude = await _app.WriteGratitudeAsync(sam, "You waited up for me.");
        var before = DateTimeOffset.UtcNow;

        await _app.AcknowledgeAsync(alex, positive.Id);

        var row = await _app.Positives().ByIdAsync(couple.CoupleId, positive.Id);
        Assert.NotNull(row.AcknowledgedAt);
        Assert.InRange(row.AcknowledgedAt.Value, before - TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow);
        Assert.Null((await _app.Positives().ByIdAsync(couple.CoupleId, gratitude.Id)).AcknowledgedAt);

        var samSees = Assert.Single((await _app.DashboardAsync(sam)).Latest, entry => entry.Id == positive.Id);
        Assert.True(samSees.ByMe);
        Assert.Equal(row.AcknowledgedAt.Value, samSees.AcknowledgedAt!.Value, Microsecond);
        Assert.False(samSees.CanAcknowledge);
        var alexSees = (await _app.DashboardAsync(alex)).Latest;
        Assert.Equal([(gratitude.Id, true), (positive.Id, false)], alexSees.Select(entry => (entry.Id, entry.CanAcknowledge)));

        // Tonight's gratitude is acknowledged the same way.
        await _app.AcknowledgeAsync(alex, gratitude.Id);
        Assert.NotNull(Assert.Single((await _app.DashboardAsync(sam)).Latest, entry => entry.Id == gratitude.Id).AcknowledgedAt);
    }

    [Fact]
    public async Task AcknowledgingAgainKeepsTheFirstMomentAndWritesNothing()
    {
        var couple = await _app.PairNewAsync();
        var positive = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help);
        await _app.AcknowledgeAsync(couple.Inviter, positive.Id);
        var before = await _app.Positives().SnapshotAsync(couple.CoupleId);

        await _app.AcknowledgeAsync(couple.Inviter, positive.Id);

        Assert.Equal(before, await _app.Positives().SnapshotAsync(couple.CoupleId));
    }

    [Fact]
    public async Task AcknowledgingYourOwnEntryIsRefusedAndChangesNothing()
    {
        var couple = await _app.PairNewAsync();
        var positive = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Affection, "A hug at the station.");
        var gratitude = await _app.WriteGratitudeAsync(couple.Partner, "Thanks for the soup.");
        var before = await _app.Positives().SnapshotAsync(couple.CoupleId);
        await using var alexsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Inviter);

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            foreach (var id in new[] { positive.Id, gratitude.Id })
            {
                Assert.Equal(PositiveRuleException.MessageFor(PositiveRule.OwnEntry), (await asSam.Positives.AcknowledgeAsync(id)).Error);
            }
        }

        Assert.Equal(before, await _app.Positives().SnapshotAsync(couple.CoupleId));
        Assert.False(alexsPage.HasHeardAnything, "A refused acknowledgement was announced to the couple's pages.");
    }

    [Fact]
    public async Task AStrangerAcknowledgingByIdIsToldItIsNotThereAndNothingChanges()
    {
        var couple = await _app.PairNewAsync();
        var positive = await _app.LogPositiveAsync(couple.Partner, PositiveKind.KindWord, "Your voice on the phone.");
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");
        var loner = await _app.NewPersonAsync("Loner");
        var before = await _app.Positives().SnapshotAsync(couple.CoupleId);
        await using var samsPage = await OpenDashboardPage.OpenAsync(_app.Services, couple.Partner);

        await using (var asStranger = _app.AsUser(stranger.Inviter))
        {
            Assert.Equal(PositivesService.GoneMessage, (await asStranger.Positives.AcknowledgeAsync(positive.Id)).Error);
        }

        await using (var asLoner = _app.AsUser(loner))
        {
            Assert.Equal(PositivesService.NotPairedMessage, (await asLoner.Positives.AcknowledgeAsync(positive.Id)).Error);
        }

        Assert.Equal(before, await _app.Positives().SnapshotAsync(couple.CoupleId));
        Assert.False(samsPage.HasHeardAnything, "A stranger's acknowledgement was announced to the couple's pages.");
        Assert.Null(Assert.Single((await _app.DashboardAsync(couple.Partner)).Latest).AcknowledgedAt);
    }

    [Fact]
    public async Task AFormerPartnerCannotAcknowledgeAnEntryOfTheEndedCouple()
    {
        var couple = await _app.PairNewAsync();
        var positive = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help, "Before we parted.");
        await _app.LeaveAsync(couple.Inviter);
        var before = await _app.Positives().SnapshotAsync(couple.CoupleId);
        await using (var alone = _app.AsUser(couple.Inviter))
        {
            Assert.Equal(PositivesService.NotPairedMessage, (await alone.Positives.AcknowledgeAsync(positive.Id)).Error);
        }

        // Paired anew, the old couple's entry is simply not there.
        await _app.PairAsync(couple.Inviter, await _app.NewPersonAsync("Noor"));
        await using (var repaired = _app.AsUser(couple.Inviter))
        {
            Assert.Equal(PositivesService.GoneMessage, (await repaired.Positives.AcknowledgeAsync(positive.Id)).Error);
        }

        Assert.Equal(before, await _app.Positives().SnapshotAsync(couple.CoupleId));
    }

    [Fact]
    public async Task AnUnknownIdIsNotThere()
    {
        var couple = await _app.PairNewAsync();
        await using var asAlex = _app.AsUser(couple.Inviter);

        Assert.Equal(PositivesService.GoneMessage, (await asAlex.Positives.AcknowledgeAsync(Guid.NewGuid())).Error);
        Assert.Equal(PositivesService.GoneMessage, (await asAlex.Positives.AcknowledgeAsync(Guid.Empty)).Error);
    }
}
