using MudBlazor;
using MudBlazor.Services;

namespace CoupleConnect.Web.Tests.Layout;

/// <summary>
/// Stands in for MudBlazor's JS-backed viewport service: subscribers are told the breakpoint this fake is set to, and
/// <see cref="ResizeToAsync"/> plays a window resize (or a phone rotation) to everyone subscribed.
/// </summary>
internal sealed class FakeBrowserViewportService(Breakpoint initial) : IBrowserViewportService
{
    private readonly List<IBrowserViewportObserver> _observers = [];

    public Breakpoint Breakpoint { get; private set; } = initial;

    public ResizeOptions ResizeOptions { get; } = new();

    public IReadOnlyList<IBrowserViewportObserver> Observers => _observers;

    public async Task SubscribeAsync(IBrowserViewportObserver observer, bool fireImmediately = true)
    {
        _observers.Add(observer);
        if (fireImmediately)
        {
            await observer.NotifyBrowserViewportChangeAsync(EventFor(observer.Id, isImmediate: true));
        }
    }

    public Task SubscribeAsync(Guid observerId, Action<BrowserViewportEventArgs> lambda, ResizeOptions? options = null, bool fireImmediately = true) =>
        SubscribeAsync(new LambdaObserver(observerId, options, args =>
        {
            lambda(args);
            return Task.CompletedTask;
        }), fireImmediately);

    public Task SubscribeAsync(Guid observerId, Func<BrowserViewportEventArgs, Task> lambda, ResizeOptions? options = null, bool fireImmediately = true) =>
        SubscribeAsync(new LambdaObserver(observerId, options, lambda), fireImmediately);

    public Task UnsubscribeAsync(IBrowserViewportObserver observer) => UnsubscribeAsync(observer.Id);

    public Task UnsubscribeAsync(Guid observerId)
    {
        _observers.RemoveAll(observer => observer.Id == observerId);
        return Task.CompletedTask;
    }

    public async Task ResizeToAsync(Breakpoint breakpoint)
    {
        Breakpoint = breakpoint;
        foreach (var observer in _observers.ToList())
        {
            await observer.NotifyBrowserViewportChangeAsync(EventFor(observer.Id, isImmediate: false));
        }
    }

    public ValueTask DisposeAsync()
    {
        _observers.Clear();
        return ValueTask.CompletedTask;
    }

    public Task<bool> IsMediaQueryMatchAsync(string mediaQuery) => Task.FromResult(false);

    public Task<bool> IsBreakpointWithinWindowSizeAsync(Breakpoint breakpoint) => Task.FromResult(breakpoint == Breakpoint);

    public Task<bool> IsBreakpointWithinReferenceSizeAsync(Breakpoint breakpoint, Breakpoint reference) => Task.FromResult(breakpoint == reference);

    public Task<Breakpoint> GetCurrentBreakpointAsync() => Task.FromResult(Breakpoint);

    public Task<BrowserWindowSize> GetCurrentBrowserWindowSizeAsync() => Task.FromResult(WindowSize(Breakpoint));

    private BrowserViewportEventArgs EventFor(Guid id, bool isImmediate) => new(id, WindowSize(Breakpoint), Breakpoint, isImmediate);

    /// <summary>A window size inside each breakpoint (MudBlazor: Sm ≥ 600, Md ≥ 960, Lg ≥ 1280, Xl ≥ 1920, Xxl ≥ 2560).</summary>
    private static BrowserWindowSize WindowSize(Breakpoint breakpoint) => breakpoint switch
    {
        Breakpoint.Xs => new BrowserWindowSize { Width = 390, Height = 844 },
        Breakpoint.Sm => new BrowserWindowSize { Width = 800, Height = 1280 },
        Breakpoint.Md => new BrowserWindowSize { Width = 1024, Height = 768 },
        Breakpoint.Lg => new BrowserWindowSize { Width = 1440, Height = 900 },
        Breakpoint.Xl => new BrowserWindowSize { Width = 1920, Height = 1080 },
        _ => new BrowserWindowSize { Width = 2560, Height = 1440 },
    };

    private sealed class LambdaObserver(Guid id, ResizeOptions? options, Func<BrowserViewportEventArgs, Task> notify) : IBrowserViewportObserver
    {
        public Guid Id => id;

        public ResizeOptions? ResizeOptions => options;

        public Task NotifyBrowserViewportChangeAsync(BrowserViewportEventArgs browserViewportEventArgs) => notify(browserViewportEventArgs);
    }
}
