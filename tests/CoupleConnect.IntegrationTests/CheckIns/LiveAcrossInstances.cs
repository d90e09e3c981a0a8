using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Couples;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// Two app instances on one database (ADR 0010): a change published on one reaches open pages served by the other,
/// through PostgreSQL LISTEN/NOTIFY, and only for the couple it concerns.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class LiveAcrossInstances(AppFixture first) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private CoupleConnectAppFactory? _second;

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
    public async Task AChangePublishedOnOneInstanceReachesListenersOnTheOther()
    {
        var couple = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var heard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var strangerHeard = false;
        var otherInstance = _second!.Services.GetRequiredService<CoupleNotifier>();
        using var subscription = otherInstance.Subscribe(couple, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });
        using var strangerSubscription = otherInstance.Subscribe(stranger, _ =>
        {
            strangerHeard = true;
            return Task.CompletedTask;
        });

        // The listener connects in the background; keep publishing until it is there (bounded, no fixed sleep).
        var thisInstance = first.Factory.Services.GetRequiredService<CoupleNotifier>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!heard.Task.IsCompleted && !timeout.IsCancellationRequested)
        {
            await thisInstance.PublishAsync(couple, CoupleChange.CheckInAnswered);
            await Task.WhenAny(heard.Task, Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token));
        }

        Assert.True(heard.Task.IsCompleted, "The other instance never heard the change within 20 seconds.");
        Assert.Equal(CoupleChange.CheckInAnswered, await heard.Task);
        Assert.False(strangerHeard, "A listener for another couple heard this couple's change.");
    }

    [Fact]
    public async Task AnInvitersOpenPageOnTheOtherInstanceHearsThatTheirPartnerJoined()
    {
        var inviter = "inviter-" + Guid.NewGuid().ToString("N");
        var heard = new TaskCompletionSource<CoupleChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherPersonHeard = false;
        var otherInstance = _second!.Services.GetRequiredService<CoupleNotifier>();
        using var subscription = otherInstance.SubscribePerson(inviter, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });
        using var otherSubscription = otherInstance.SubscribePerson("someone-else", _ =>
        {
            otherPersonHeard = true;
            return Task.CompletedTask;
        });

        var thisInstance = first.Factory.Services.GetRequiredService<CoupleNotifier>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!heard.Task.IsCompleted && !timeout.IsCancellationRequested)
        {
            await thisInstance.PublishToPersonAsync(inviter, CoupleChange.Paired);
            await Task.WhenAny(heard.Task, Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token));
        }

        Assert.True(heard.Task.IsCompleted, "The other instance never heard the pairing within 20 seconds.");
        Assert.Equal(CoupleChange.Paired, await heard.Task);
        Assert.False(otherPersonHeard, "Another person's page heard this inviter's pairing.");
    }

    [Fact]
    public void AnInstanceIgnoresItsOwnNotifications()
    {
        var relay = first.Factory.Services.GetRequiredService<CoupleChangeRelay>();
        var otherRelay = _second!.Services.GetRequiredService<CoupleChangeRelay>();
        var coupleId = Guid.NewGuid();

        Assert.False(relay.TryParse($"{relay.InstanceId}|c:{coupleId:N}|CheckInAnswered", out _, out _));
        Assert.True(relay.TryParse($"{otherRelay.InstanceId}|c:{coupleId:N}|CheckInAnswered", out var parsed, out var change));
        Assert.Equal(ChangeAudience.Couple(coupleId), parsed);
        Assert.Equal(CoupleChange.CheckInAnswered, change);
        Assert.True(relay.TryParse($"{otherRelay.InstanceId}|p:some-account|Paired", out var person, out _));
        Assert.Equal(ChangeAudience.Person("some-account"), person);
        Assert.False(relay.TryParse("garbage", out _, out _));
        Assert.False(relay.TryParse($"{otherRelay.InstanceId}|x:{coupleId:N}|CheckInAnswered", out _, out _));
        Assert.False(relay.TryParse($"{otherRelay.InstanceId}|c:not-a-couple|CheckInAnswered", out _, out _));
    }
}
