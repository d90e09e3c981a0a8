using Microsoft.Playwright;

namespace CoupleConnect.E2E.Tests.Install;

/// <summary>What a page can tell about the app's service worker, in the page's own terms.</summary>
public static class ServiceWorkerOnThePage
{
    /// <summary>Waits until a service worker controls the page; returns its script's address (/sw.js?v=...).</summary>
    public static async Task<string> WaitUntilControlledAsync(this IPage page) =>
        await page.EvaluateAsync<string>("""
            async () => {
                await navigator.serviceWorker.ready;
                if (!navigator.serviceWorker.controller) {
                    await new Promise(resolve => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
                }
                return navigator.serviceWorker.controller.scriptURL;
            }
            """);

    /// <summary>Asks until the answer is true (a page's promise, which WaitForFunction would take for a truthy value at once).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Still not true after {seconds} s: {what}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The names of the origin's caches.</summary>
    public static async Task<string[]> CacheNamesAsync(this IPage page) =>
        await page.EvaluateAsync<string[]>("async () => (await caches.keys()).sort()");

    /// <summary>The notifications the service worker shows, as title, body, tag and the address it opens.</summary>
    public static async Task<ShownNotification[]> NotificationsAsync(this IPage page) =>
        await page.EvaluateAsync<ShownNotification[]>("""
            async () => (await (await navigator.serviceWorker.ready).getNotifications())
                .map(n => ({ title: n.title, body: n.body, tag: n.tag, url: n.data?.url ?? null, icon: n.icon, badge: n.badge }))
            """);
}

public sealed class ShownNotification
{
    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string Tag { get; set; } = string.Empty;

    public string? Url { get; set; }

    public string Icon { get; set; } = string.Empty;

    public string Badge { get; set; } = string.Empty;
}
