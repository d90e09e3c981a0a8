using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>Invites expire after 72 hours; an ended couple's archive lasts 30 days, then the daily job purges it.</summary>
public sealed class WhenTimePasses(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private readonly AppDriver _app = app.ClockedDriver;

    [Fact]
    public void TheAppReadsTheFakeClock()
    {
        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(before.AddMinutes(1), app.AppNow);
    }

    [Fact]
    public async Task AnInviteWorksFor72HoursAndThenSaysItExpired()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var sam = await _app.NewPersonAsync("Sam");
        var invite = await _app.InviteAsync(alex);
        var key = InviteKey.FromToken(PairedCouple.TokenOf(invite));
        var expired = CoupleRuleException.MessageFor(CoupleRule.InviteExpired);

        app.Clock.Advance(Invite.Lifetime - TimeSpan.FromMinutes(1));
        await using (var asSam = _app.AsUser(sam))
        {
            Assert.True((await asSam.Join.PreviewAsync(key)).CanJoin);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await _app.Tables.SnapshotAsync();
        await using (var asSam = _app.AsUser(sam))
        {
            Assert.Equal(new JoinPreview(null, expired, NeedsSignIn: false), await asSam.Join.PreviewAsync(key));
            Assert.Equal(new JoinPreview(null, expired, NeedsSignIn: false), await asSam.Join.PreviewAsync(InviteKey.FromCode(invite.Code, _app.CodeKey, out _)));
            Assert.Equal(expired, (await asSam.Join.AcceptAsync(key)).Error);
            Assert.Equal(expired, (await asSam.Join.AcceptAsync(InviteKey.FromCode(invite.Code, _app.CodeKey, out _))).Error);
            Assert.Null(await asSam.CurrentCouple.GetAsync());
        }

        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Contains("72 hours", expired, StringComparison.Ordinal);

        // The inviter no longer sees the stale invite and can simply make a new one.
        await using var asAlex = _app.AsUser(alex);
        Assert.Null(await asAlex.Invites.GetOpenInviteAsync());
        var fresh = await asAlex.Invites.CreateAsync();
        Assert.True(fresh.Succeeded, fresh.Error);
        await _app.AcceptAsync(sam, fresh.Value!);
    }

    [Fact]
    public async Task TheArchiveIsExportableFor30DaysThenPurgedAndBothCanPairAgain()
    {
        var pair = await _app.PairNewAsync("Alex", "Sam");
        var (alex, sam) = (pair.Inviter, pair.Partner);
        var untouched = await _app.PairNewAsync("Robin", "Noor"); // an active couple: never purged, however old
        await _app.LeaveAsync(sam);

        app.Clock.Advance(Couple.ArchiveRetention - TimeSpan.FromMinutes(1));
        await RunPurgeJobAsync();
        Assert.NotNull(await _app.Tables.CoupleAsync(pair.CoupleId));
        foreach (var former in new[] { alex, sam })
        {
            await using var scope = _app.AsUser(former);
            Assert.NotNull(await scope.Archive.ExportAsync(former.Id));
            Assert.NotNull((await scope.Home.GetAsync())?.Archive);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        // Even before the job runs, the archive is no longer offered once 30 days have passed.
        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.Null(await asAlex.Archive.ExportAsync(alex.Id));
        }

        await RunPurgeJobAsync();
        Assert.Null(await _app.Tables.CoupleAsync(pair.CoupleId));
        Assert.Empty(await _app.Tables.MemberIdsAsync(pair.CoupleId));
        Assert.Equal(0, await _app.Tables.CouplesWithMemberCountAsync(alex.Id));
        Assert.Equal(0, await _app.Tables.CouplesWithMemberCountAsync(sam.Id));
        Assert.NotNull(await _app.Tables.CoupleAsync(untouched.CoupleId));
        foreach (var former in new[] { alex, sam })
        {
            await using var scope = _app.AsUser(former);
            Assert.Null(await scope.Archive.ExportAsync(former.Id));
            var home = await scope.Home.GetAsync();
            Assert.NotNull(home);
            Assert.Null(home.Couple);
            Assert.Null(home.Archive);
        }

        await RunPurgeJobAsync(); // idempotent: a second run finds nothing and fails nothing

        var alexAgain = await _app.PairAsync(alex, await _app.NewPersonAsync("Jordan"));
        var samAgain = await _app.PairAsync(sam, await _app.NewPersonAsync("Quinn"));
        Assert.Equal([alexAgain.CoupleId], await _app.Tables.ActiveCoupleIdsOfAsync(alex.Id));
        Assert.Equal([samAgain.CoupleId], await _app.Tables.ActiveCoupleIdsOfAsync(sam.Id));
    }

    private async Task RunPurgeJobAsync()
    {
        await using var scope = _app.SignedOut();
        await scope.Get<PurgeCoupleArchivesJob>().RunAsync(CancellationToken.None);
    }
}
