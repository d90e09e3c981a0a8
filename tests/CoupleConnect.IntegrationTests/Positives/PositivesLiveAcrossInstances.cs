using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Couples;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// Two app instances on one database (ADR 0010): Sam's circuit is on one, Alex's open dashboard on the other. A
/// positive Sam logs, and Alex's acknowledgement back, each reach the other's page through PostgreSQL LISTEN/NOTIFY.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class PositivesLiveAcrossInstances(AppFixture first) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private CoupleConnectAppFactory? _second;

    private AppDriver SamsInstance => first.Driver;

    private IServiceProvider AlexsInstance => _second!.Services;

    public Task InitializeAsync()
    {
        _second = new CoupleConnectAppFactory(first.Factory.ConnectionString);
        _ = _second.Server; // starts its listener
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
    }

    [Fact]
    public async Task APositiveLoggedOnOneInstanceReachesTheOpenDashboardOnTheOtherAndTheAcknowledgementComesBack()
    {
        var couple = await SamsInstance.PairNewAsync();
        var stranger = await SamsInstance.PairNewAsync("Stranger", "Outsider");
        await using var alexsPage = await OpenDashboardPage.OpenAsync(AlexsInstance, couple.Inviter);
        await using var strangersPage = await OpenDashboardPage.OpenAsync(AlexsInstance, stranger.Inviter);
        await using var samsPage = await OpenDashboardPage.OpenAsync(SamsInstance.Services, couple.Partner);
        await BothListenersAreUpAsync();

        var logged = await SamsInstance.LogPositiveAsync(couple.Partner, PositiveKind.QualityTime, "The film on Friday.");

        Assert.Equal(CoupleChange.PositiveLogged, await alexsPage.NextAsync(Patience));
        var onAlexsInstance = await alexsPage.Services.Dashboard.GetAsync();
        Assert.Equal((logged.Id, "The film on Friday."), (onAlexsInstance!.Latest[0].Id, onAlexsInstance.Latest[0].Note));
        Assert.Equal(CoupleChange.PositiveLogged, await samsPage.NextAsync(Patience)); // Sam's own page, on Sam's instance

        var acknowledged = await alexsPage.Services.Positives.AcknowledgeAsync(logged.Id);

        Assert.True(acknowledged.Succeeded, acknowledged.Error);
        Assert.Equal(CoupleChange.PositiveAcknowledged, await samsPage.NextAsync(Patience));
        Assert.NotNull((await samsPage.Services.Dashboard.GetAsync())!.Latest[0].AcknowledgedAt);
        Assert.Equal(CoupleChange.PositiveAcknowledged, await alexsPage.NextAsync(Patience));
        Assert.False(strangersPage.HasHeardAnything, "A page of another couple heard this couple's changes.");
    }

    /// <summary>
    /// Each instance LISTENs on a connection it opens in the background: wait until a change published on each reaches
    /// the other (a couple of its own, so the pages under test hear nothing of it). Bounded, no fixed sleep.
    /// </summary>
    private async Task BothListenersAreUpAsync()
    {
        foreach (var (from, to) in new[] { (SamsInstance.Services, AlexsInstance), (AlexsInstance, SamsInstance.Services) })
        {
            var probeCouple = Guid.NewGuid();
            var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var listening = to.GetRequiredService<CoupleNotifier>().Subscribe(probeCouple, _ =>
            {
                heard.TrySetResult();
                return Task.CompletedTask;
            });
            var publisher = from.GetRequiredService<CoupleNotifier>();
            using var timeout = new CancellationTokenSource(Patience);
            while (!heard.Task.IsCompleted && !timeout.IsCancellationRequested)
            {
                await publisher.PublishAsync(probeCouple, CoupleChange.PositiveLogged);
                await Task.WhenAny(heard.Task, Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token));
            }

            Assert.True(heard.Task.IsCompleted, $"An instance's listener was not up within {Patience.TotalSeconds:0} seconds.");
        }
    }
}
