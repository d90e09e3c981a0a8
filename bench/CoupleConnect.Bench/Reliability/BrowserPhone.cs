using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoupleConnect.Bench.Reliability;

/// <summary>
/// One partner's phone in Debian's Chromium (as the E2E tests launch it): signs in, waits for the dashboard's circuit to
/// be interactive, logs positives. Records the Blazor reconnect UI's states and every page load, across reloads.
/// </summary>
public sealed partial class BrowserPhone : IAsyncDisposable
{
    // As tests/CoupleConnect.E2E.Tests/Infrastructure/BlazorCircuit.cs: interactive once the browser acknowledged a render
    // batch (OnRenderCompleted); plus the reconnect modal's state changes, reported to the bench.
    private const string InitScript = """
        (() => {
            const NativeWebSocket = window.WebSocket;
            window.WebSocket = class extends NativeWebSocket {
                constructor(...args) {
                    super(...args);
                    window.__ccInteractive = false;
                    this.addEventListener('close', () => { window.__ccInteractive = false; });
                }
            };
            const send = NativeWebSocket.prototype.send;
            const decoder = new TextDecoder('latin1');
            NativeWebSocket.prototype.send = function (data) {
                try {
                    if (!window.__ccInteractive) {
                        const text = typeof data === 'string' ? data
                            : decoder.decode(data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
                        if (text.includes('OnRenderCompleted')) {
                            window.__ccInteractive = true;
                        }
                    }
                } catch {
                }
                return send.apply(this, arguments);
            };
            document.addEventListener('DOMContentLoaded', () => {
                const modal = document.getElementById('components-reconnect-modal');
                if (modal) {
                    modal.addEventListener('components-reconnect-state-changed', event => window.__ccReconnect(event.detail.state));
                }
            });
        })();
        """;

    private readonly IBrowserContext _context;

    private BrowserPhone(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Reconnect UI states ("show", "hide", "failed", "rejected", …) with when they happened, in order.</summary>
    public ConcurrentQueue<(DateTimeOffset At, string State)> ReconnectStates { get; } = new();

    public ConcurrentQueue<DateTimeOffset> Loads { get; } = new();

    /// <summary>Taps on a kind chip that had to be repeated (recorded, so a flaky moment is visible in the results).</summary>
    public int Taps { get; private set; }

    public static async Task<BrowserPhone> OpenAsync(IBrowser browser, Uri baseAddress, string timeZone)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-US",
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(InitScript);
        var page = await context.NewPageAsync();
        var phone = new BrowserPhone(context, page);
        await context.ExposeFunctionAsync("__ccReconnect", (string state) => phone.ReconnectStates.Enqueue((DateTimeOffset.UtcNow, state)));
        page.Load += (_, _) => phone.Loads.Enqueue(DateTimeOffset.UtcNow);
        return phone;
    }

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("COUPLECONNECT_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    };

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = LogInButton() }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitUntilInteractiveAsync();
    }

    public Task WaitUntilInteractiveAsync() =>
        Page.WaitForFunctionAsync("() => window.__ccInteractive === true", null, new() { Timeout = 60_000 });

    /// <summary>Logs a "Help" positive with this note from the dashboard's card (the E2E tests' two taps plus a note).</summary>
    public async Task LogPositiveAsync(string note)
    {
        var card = Page.Locator("#log-positive");
        var kind = card.GetByRole(AriaRole.Group, new() { NameRegex = KindsName() }).GetByRole(AriaRole.Button, new() { Name = "Help", Exact = true });
        // On a machine this busy a tap right after the circuit came up is now and then lost: tap again while it shows unchosen.
        for (var attempt = 1; ; attempt++)
        {
            if (await kind.GetAttributeAsync("aria-pressed") != "true")
            {
                await kind.TapAsync();
            }

            try
            {
                await Assertions.Expect(kind).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
                Taps++;
            }
        }

        await card.GetByRole(AriaRole.Button, new() { Name = "Add a note or another day" }).TapAsync();
        await card.GetByLabel("Note (optional)", new() { Exact = true }).FillAsync(note);
        await card.GetByRole(AriaRole.Button, new() { Name = "Log it", Exact = true }).TapAsync();
        await Assertions.Expect(Page.GetByText(LoggedMessage())).ToBeVisibleAsync();
    }

    /// <summary>The feed entry showing this note ("Noticed lately"), to wait for as it arrives live.</summary>
    public ILocator FeedEntry(string note) => Page.Locator("#positive-feed li.cc-feed__item").Filter(new() { HasText = note });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    [GeneratedRegex("^(Log in|Sign in)$")]
    private static partial Regex LogInButton();

    [GeneratedRegex("^Notice something .+ did$")]
    private static partial Regex KindsName();

    [GeneratedRegex(@"^Logged\. .+ will see it\.$")]
    private static partial Regex LoggedMessage();
}
