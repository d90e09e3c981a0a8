using System.Threading.Channels;
using CoupleConnect.Domain.Needs;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Needs;

namespace CoupleConnect.IntegrationTests.Needs;

/// <summary>
/// An open needs page hears the partner's changes (issue 16, "Live"): the page subscribes through
/// <see cref="NeedsService.SubscribeAsync"/> and reloads on <see cref="CoupleChange.NeedsChanged"/>. A change reaches the
/// couple's listeners on this instance before the partner's call returns.
/// </summary>
public sealed class NeedsLiveUpdates(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task WhenSamWritesANeedAlexsOpenPageHearsItAndShowsItButAStrangersPageDoesNot()
    {
        var couple = await _app.PairNewAsync();
        var stranger = await _app.PairNewAsync("Stranger", "Outsider");
        await using var alexsPage = await OpenNeedsPage.OpenAsync(_app, couple.Inviter);
        await using var strangersPage = await OpenNeedsPage.OpenAsync(_app, stranger.Inviter);

        var id = await _app.WriteNeedAsync(couple.Partner, "I feel close when we cook together on Fridays.");

        Assert.Equal(CoupleChange.NeedsChanged, await alexsPage.NextAsync(Patience));
        Assert.False(strangersPage.HasHeardAnything, "The stranger's page heard another couple's need.");
        var reloaded = await alexsPage.ReloadAsync();
        Assert.Equal((id, "I feel close when we cook together on Fridays.", false), (reloaded.Partners[0].Id, reloaded.Partners[0].Text, reloaded.Partners[0].IsBeingTried));
    }

    [Fact]
    public async Task WhenAlexMarksIllTryThisSamsOpenPageHearsItAndShowsItBeingTried()
    {
        var couple = await _app.PairNewAsync();
        var id = await _app.WriteNeedAsync(couple.Partner, "I feel heard when we talk before sleep.");
        await using var samsPage = await OpenNeedsPage.OpenAsync(_app, couple.Partner);

        await _app.NeedOkAsync(couple.Inviter, needs => needs.StartTryingAsync(id));

        Assert.Equal(CoupleChange.NeedsChanged, await samsPage.NextAsync(Patience));
        Assert.True(Assert.Single((await samsPage.ReloadAsync()).Mine).IsBeingTried);

        await _app.NeedOkAsync(couple.Inviter, needs => needs.StopTryingAsync(id));

        Assert.Equal(CoupleChange.NeedsChanged, await samsPage.NextAsync(Patience));
        Assert.False(Assert.Single((await samsPage.ReloadAsync()).Mine).IsBeingTried);
    }

    [Fact]
    public async Task EditsAndRemovalsReachThePartnerAndRefusalsAndNoOpsAreNotAnnounced()
    {
        var couple = await _app.PairNewAsync();
        var id = await _app.WriteNeedAsync(couple.Partner, "I feel close when we dance in the kitchen.");
        await using var alexsPage = await OpenNeedsPage.OpenAsync(_app, couple.Inviter);

        Assert.False((await _app.NeedsAsync(couple.Inviter, needs => needs.ReviseAsync(id, "Alex's words instead"))).Succeeded);
        Assert.False((await _app.NeedsAsync(couple.Partner, needs => needs.WriteAsync(" "))).Succeeded);
        await _app.NeedOkAsync(couple.Partner, needs => needs.ReviseAsync(id, "I feel close when we dance in the kitchen."));
        Assert.False(alexsPage.HasHeardAnything, "A refused or unchanged need was announced to the partner's page.");

        await _app.NeedOkAsync(couple.Partner, needs => needs.ReviseAsync(id, "I feel close when we dance, anywhere."));
        Assert.Equal(CoupleChange.NeedsChanged, await alexsPage.NextAsync(Patience));
        await _app.NeedOkAsync(couple.Partner, needs => needs.TakeOffAsync(id));
        Assert.Equal(CoupleChange.NeedsChanged, await alexsPage.NextAsync(Patience));

        var view = await alexsPage.ReloadAsync();
        Assert.Empty(view.Partners);
        Assert.Equal(
            [(NeedChange.TakenOff, "I feel close when we dance, anywhere."), (NeedChange.Revised, "I feel close when we dance in the kitchen.")],
            view.History.Select(entry => (entry.Change, entry.Text)).ToArray());
    }

    /// <summary>A person's open needs page as far as live updates go: their scope, subscribed as the page is.</summary>
    private sealed class OpenNeedsPage : IAsyncDisposable
    {
        private readonly SignedInServices _scope;
        private readonly Channel<CoupleChange> _heard = Channel.CreateUnbounded<CoupleChange>();
        private IDisposable? _subscription;

        private OpenNeedsPage(SignedInServices scope) => _scope = scope;

        public bool HasHeardAnything => _heard.Reader.Count > 0;

        public static async Task<OpenNeedsPage> OpenAsync(AppDriver app, TestPerson person)
        {
            var page = new OpenNeedsPage(app.AsUser(person));
            page._subscription = await page._scope.Get<NeedsService>().SubscribeAsync(change => page._heard.Writer.WriteAsync(change).AsTask());
            Assert.True(page._subscription is not null, $"{person.DisplayName} could not subscribe to live updates.");
            return page;
        }

        public async Task<NeedsView> ReloadAsync() => (await _scope.Get<NeedsService>().GetAsync())!;

        public async Task<CoupleChange> NextAsync(TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            try
            {
                return await _heard.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The page heard nothing within {patience.TotalSeconds:0} seconds.");
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _subscription?.Dispose();
            await _scope.DisposeAsync();
        }
    }
}
