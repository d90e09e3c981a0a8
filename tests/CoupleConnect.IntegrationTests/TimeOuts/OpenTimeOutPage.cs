using System.Threading.Channels;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.TimeOuts;

namespace CoupleConnect.IntegrationTests.TimeOuts;

/// <summary>A person's open page as far as time-outs go: subscribed as the page and the layout's banner are, keeping what it hears.</summary>
public sealed class OpenTimeOutPage : IAsyncDisposable
{
    private readonly SignedInServices _scope;
    private readonly Channel<CoupleChange> _heard = Channel.CreateUnbounded<CoupleChange>();
    private IDisposable? _subscription;

    private OpenTimeOutPage(SignedInServices scope) => _scope = scope;

    public bool HasHeardAnything => _heard.Reader.Count > 0;

    public static async Task<OpenTimeOutPage> OpenAsync(AppDriver app, TestPerson person)
    {
        var page = new OpenTimeOutPage(app.AsUser(person));
        page._subscription = await page._scope.Get<TimeOutService>().SubscribeAsync(change => page._heard.Writer.WriteAsync(change).AsTask());
        Assert.True(page._subscription is not null, $"{person.DisplayName} could not subscribe to live updates.");
        return page;
    }

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
