using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.TimeOuts;
using CoupleConnect.Web.Infrastructure;

namespace CoupleConnect.IntegrationTests.TimeOuts;

/// <summary>
/// Calling a time-out reaches the partner's open page at once (the page and the layout's banner subscribe through
/// <c>TimeOutService.SubscribeAsync</c>); a stranger's page hears nothing; the private note is only its writer's,
/// encrypted at rest, deletable, and hostile text is either kept exactly or refused with a clear reason.
/// </summary>
public sealed class TimeOutsLiveAndPrivate(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task WhenAlexCallsATimeOutSamsOpenPageHearsItAndItsBannerSaysSoWhileAStrangersHearsNothing()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");
        await using var samsPage = await OpenTimeOutPage.OpenAsync(_app, couple.Partner);
        await using var strangersPage = await OpenTimeOutPage.OpenAsync(_app, stranger.Inviter);
        Assert.Null(await _app.TimeOutsAsync(couple.Partner, timeOuts => timeOuts.BannerAsync()));

        Assert.True((await _app.CallTimeOutAsync(couple.Inviter)).Succeeded);

        Assert.Equal(CoupleChange.TimeOutChanged, await samsPage.NextAsync(Patience));
        Assert.False(strangersPage.HasHeardAnything, "Another couple's page heard this couple's time-out.");
        var banner = await _app.TimeOutsAsync(couple.Partner, timeOuts => timeOuts.BannerAsync());
        Assert.Equal((TimeOutPhase.Running, false, "Alex"), (banner!.Phase, banner.CalledByMe, banner.PartnerName));
        var samSees = (await _app.TimeOutPageAsync(couple.Partner)).Current!;
        Assert.Equal((TimeOutPhase.Running, false, true), (samSees.Phase, samSees.CalledByMe, samSees.CanExtend));
        Assert.Null(await _app.TimeOutsAsync(stranger.Inviter, timeOuts => timeOuts.BannerAsync()));
        Assert.Null((await _app.TimeOutPageAsync(stranger.Inviter)).Current);
    }

    [Fact]
    public async Task EndingEarlyAndSayingReadyReachThePartnerLiveAndBothReadySuggestsATalk()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        Assert.True((await _app.CallTimeOutAsync(couple.Inviter)).Succeeded);
        var id = await _app.CurrentTimeOutIdAsync(couple.Partner);
        await using var alexsPage = await OpenTimeOutPage.OpenAsync(_app, couple.Inviter);

        Assert.True((await _app.TimeOutsAsync(couple.Partner, timeOuts => timeOuts.EndEarlyAsync(id))).Succeeded);
        Assert.Equal(CoupleChange.TimeOutChanged, await alexsPage.NextAsync(Patience));
        Assert.Equal(TimeOutPhase.Over, (await _app.TimeOutPageAsync(couple.Inviter)).Current!.Phase);

        Assert.True((await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.MarkReadyAsync(id))).Succeeded);
        Assert.Equal(CoupleChange.TimeOutChanged, await alexsPage.NextAsync(Patience));
        var samSees = (await _app.TimeOutPageAsync(couple.Partner)).Current!;
        Assert.Equal((TimeOutPhase.Over, false, true), (samSees.Phase, samSees.IAmReady, samSees.PartnerReady));

        Assert.True((await _app.TimeOutsAsync(couple.Partner, timeOuts => timeOuts.MarkReadyAsync(id))).Succeeded);
        Assert.Equal(CoupleChange.TimeOutChanged, await alexsPage.NextAsync(Patience));
        Assert.Equal(TimeOutPhase.BothReady, (await _app.TimeOutPageAsync(couple.Inviter)).Current!.Phase);
        Assert.Null(await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.BannerAsync()));
    }

    [Fact]
    public async Task ASecondTimeOutCannotStartWhileOneRunsAndTheHistoryCountsThemWithoutSayingWhoCalled()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        Assert.True((await _app.CallTimeOutAsync(couple.Inviter)).Succeeded);

        var second = await _app.CallTimeOutAsync(couple.Partner, TimeOutQuickPick.TwentyMinutes);

        Assert.Equal(TimeOutService.AlreadyRunningMessage, second.Error);
        var history = (await _app.TimeOutPageAsync(couple.Partner)).History;
        Assert.Equal(1, Assert.Single(history).Count);
        Assert.Equal(1, typeof(TimeOutMonth).GetProperties().Count(property => property.PropertyType == typeof(int) && property.Name == "Count"));
        Assert.DoesNotContain(typeof(TimeOutMonth).GetProperties(), property => property.Name.Contains("By", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APrivateNoteIsOnlyItsWritersEncryptedAtRestAndDeletable()
    {
        const string Words = "I felt unheard about Sunday; <b>I want</b> to say it kindly. שלום";
        var couple = await _app.PairNewAsync("Alex", "Sam");
        Assert.True((await _app.CallTimeOutAsync(couple.Inviter)).Succeeded);
        var id = await _app.CurrentTimeOutIdAsync(couple.Inviter);
        await using var samsPage = await OpenTimeOutPage.OpenAsync(_app, couple.Partner);

        Assert.True((await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.SaveNoteAsync(id, Words))).Succeeded);

        Assert.Equal(Words, (await _app.TimeOutPageAsync(couple.Inviter)).Current!.MyNote);
        Assert.Null((await _app.TimeOutPageAsync(couple.Partner)).Current!.MyNote);
        Assert.False(samsPage.HasHeardAnything, "Writing a private note told the partner's page something.");
        var stored = Assert.Single(await TimeOutsDriving.RawNotesAsync(app.Factory.ConnectionString, id));
        Assert.StartsWith("enc:v3:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunday", stored, StringComparison.Ordinal);

        // Sam cannot delete or overwrite it: each acts only on their own note.
        Assert.True((await _app.TimeOutsAsync(couple.Partner, timeOuts => timeOuts.DeleteNoteAsync(id))).Succeeded);
        Assert.Equal(Words, (await _app.TimeOutPageAsync(couple.Inviter)).Current!.MyNote);

        Assert.True((await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.DeleteNoteAsync(id))).Succeeded);
        Assert.Null((await _app.TimeOutPageAsync(couple.Inviter)).Current!.MyNote);
        Assert.Empty(await TimeOutsDriving.RawNotesAsync(app.Factory.ConnectionString, id));
    }

    [Fact]
    public async Task HostileTextInAPrivateNoteIsKeptExactlyOrRefusedWithAReason()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        Assert.True((await _app.CallTimeOutAsync(couple.Inviter)).Succeeded);
        var id = await _app.CurrentTimeOutIdAsync(couple.Inviter);

        foreach (var payload in HostilePayloads.All)
        {
            var saved = await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.SaveNoteAsync(id, payload.Value));
            var note = (await _app.TimeOutPageAsync(couple.Inviter)).Current!.MyNote;
            if (saved.Succeeded)
            {
                Assert.Equal(payload.Value.Trim(), note);
            }
            else
            {
                Assert.Equal(ServiceErrorCode.Invalid, saved.ErrorCode);
                Assert.False(string.IsNullOrWhiteSpace(saved.Error), payload.Name);
                if (!WrittenTextIsBlank(payload.Value))
                {
                    Assert.DoesNotContain(payload.Value, saved.Error!, StringComparison.Ordinal);
                }
            }
        }

        Assert.Contains(HostilePayloads.All, payload => payload.Name == "script element");
        Assert.True((await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.SaveNoteAsync(id, HostilePayloads.Script))).Succeeded);
        Assert.Equal(HostilePayloads.Script, (await _app.TimeOutPageAsync(couple.Inviter)).Current!.MyNote);
        Assert.False((await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.SaveNoteAsync(id, new string('a', 10_000)))).Succeeded);
    }

    private static bool WrittenTextIsBlank(string value) => Domain.Common.WrittenText.IsBlank(value);

    [Fact]
    public async Task StrangersAndUnpairedPeopleCanNeitherSeeNorChangeAnotherCouplesTimeOutOrNote()
    {
        var couple = await _app.PairNewAsync("Alex", "Sam");
        Assert.True((await _app.CallTimeOutAsync(couple.Inviter)).Succeeded);
        var id = await _app.CurrentTimeOutIdAsync(couple.Inviter);
        Assert.True((await _app.TimeOutsAsync(couple.Inviter, timeOuts => timeOuts.SaveNoteAsync(id, "only mine"))).Succeeded);
        var before = await _app.TimeOutPageAsync(couple.Inviter);
        var stranger = (await _app.PairNewAsync("Stranger", "Outsider")).Inviter;
        var unpaired = await _app.NewPersonAsync("Loner");

        foreach (var person in new[] { stranger, unpaired })
        {
            await _app.TimeOutsAsync(person, async timeOuts =>
            {
                Assert.False((await timeOuts.ExtendAsync(id, new TimeOutReturnChoice(TimeOutQuickPick.TomorrowMorning, null))).Succeeded);
                Assert.False((await timeOuts.EndEarlyAsync(id)).Succeeded);
                Assert.False((await timeOuts.MarkReadyAsync(id)).Succeeded);
                Assert.False((await timeOuts.SaveNoteAsync(id, "overwritten")).Succeeded);
                await timeOuts.DeleteNoteAsync(id);
                var page = await timeOuts.LoadAsync();
                Assert.True(page.Value?.Current is null);
                return true;
            });
        }

        Assert.Null(await _app.TimeOutsAsync(unpaired, timeOuts => timeOuts.SubscribeAsync(_ => Task.CompletedTask)));
        var after = await _app.TimeOutPageAsync(couple.Inviter);
        Assert.Equal(before.Current! with { ExtendPicks = [] }, after.Current! with { ExtendPicks = [] });
        Assert.Equal("only mine", after.Current!.MyNote);
        Assert.Single(await TimeOutsDriving.RawNotesAsync(app.Factory.ConnectionString, id));
    }
}
