using System.Threading.Channels;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// A person's open dashboard as far as live updates go: a signed-in scope subscribed through
/// <c>PositivesService.SubscribeAsync</c>, as SharedDashboard does, keeping every change it hears. Dispose closes it.
/// </summary>
public sealed class OpenDashboardPage : IAsyncDisposable
{
    private readonly SignedInServices _scope;
    private readonly Channel<CoupleChange> _heard;
    private IDisposable? _subscription;

    private OpenDashboardPage(SignedInServices scope, Channel<CoupleChange> heard)
    {
        _scope = scope;
        _heard = heard;
    }

    /// <summary>The page's own services (its circuit's scope), for what the page does next.</summary>
    public SignedInServices Services => _scope;

    /// <summary>True when a change was heard and not yet taken with <see cref="NextAsync"/>.</summary>
    public bool HasHeardAnything => _heard.Reader.Count > 0;

    /// <summary>Opens the page for <paramref name="person"/> on the app <paramref name="services"/> belongs to; fails the test when they can't subscribe.</summary>
    public static async Task<OpenDashboardPage> OpenAsync(IServiceProvider services, TestPerson person)
    {
        var page = new OpenDashboardPage(SignedInServices.For(services, person.Id), Channel.CreateUnbounded<CoupleChange>());
        page._subscription = await page._scope.Positives.SubscribeAsync(change => page._heard.Writer.WriteAsync(change).AsTask());
        Assert.True(page._subscription is not null, $"{person.DisplayName} could not subscribe to live updates.");
        return page;
    }

    /// <summary>The oldest change heard and not yet taken, waiting up to <paramref name="patience"/> for one.</summary>
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
