using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// Blazor Server prerenders: a page is visible, and its buttons tappable, before its circuit has connected, and a tap
/// then does nothing. Every phone context runs <see cref="Script"/>, which notes when the browser first tells the
/// server that it applied a render batch (SignalR's "OnRenderCompleted"): from then on the interactive components and
/// their event handlers are in the page. Each page load or new circuit starts over: wait after goto, reload, sign-in or
/// a link from a static (account) page to an interactive one.
/// </summary>
public static class BlazorCircuit
{
    public const string Script = """
        (() => {
            // A new socket is a new circuit (e.g. after enhanced navigation through a static page): not interactive yet.
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
                    // Never get in the way of the app's own traffic.
                }
                return send.apply(this, arguments);
            };
        })();
        """;

    /// <summary>Returns once the page's circuit has rendered interactively (at once if it already has).</summary>
    public static async Task WaitUntilInteractiveAsync(this IPage page) =>
        await page.WaitForFunctionAsync("() => window.__ccInteractive === true");

    /// <summary>
    /// Returns once the page can be used: at once for a statically rendered page (a signed-out visitor's, which never
    /// opens a circuit; ADR 0023), else once its circuit has rendered interactively.
    /// </summary>
    public static async Task WaitUntilUsableAsync(this IPage page) =>
        await page.WaitForFunctionAsync("() => window.__ccInteractive === true || document.querySelector('.cc-layout--static') !== null");
}
