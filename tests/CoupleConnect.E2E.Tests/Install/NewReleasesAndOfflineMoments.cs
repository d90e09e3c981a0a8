using CoupleConnect.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Install;

/// <summary>
/// Issue 19: the service worker of a new release replaces the old one and its cache; and while the app can't be reached
/// the phone shows the app's own calm words (the reconnect card on an open page, the offline page on a new one), in the
/// light and the dark theme. This class has an app of its own, which it restarts.
/// </summary>
public sealed class NewReleasesAndOfflineMoments(InstallAppFixture app, ITestOutputHelper output) : IClassFixture<InstallAppFixture>
{
    [Fact]
    public async Task ANewReleaseReplacesTheServiceWorkerAndDeletesTheOldCache()
    {
        var phone = await app.NewPhonePageAsync();
        await using var context = phone.Context;
        await phone.GotoAsync("/");
        var before = await phone.WaitUntilControlledAsync();
        var oldVersion = before[(before.IndexOf("?v=", StringComparison.Ordinal) + 3)..];
        await ServiceWorkerOnThePage.EventuallyAsync(async () => (await phone.CacheNamesAsync()).Length > 0, "the shell is cached");
        Assert.Equal(["cc-shell-" + oldVersion], await phone.CacheNamesAsync());

        var newVersion = "release-" + Guid.NewGuid().ToString("N")[..8];
        app.ShellVersion = newVersion;
        await app.RestartAppAsync(whileStopped: () => Task.CompletedTask);
        await phone.ReloadAsync();

        await phone.WaitForFunctionAsync(
            "version => navigator.serviceWorker.controller?.scriptURL.endsWith('?v=' + version)", newVersion, new() { Timeout = 30_000 });
        await ServiceWorkerOnThePage.EventuallyAsync(async () => (await phone.CacheNamesAsync()).Length == 1, "one cache is left");
        Assert.Equal(["cc-shell-" + newVersion], await phone.CacheNamesAsync());
        Assert.True(await phone.EvaluateAsync<bool>("async name => !!(await (await caches.open(name)).match('/offline.html'))", "cc-shell-" + newVersion));
        var registrations = await phone.EvaluateAsync<string[]>(
            "async () => (await navigator.serviceWorker.getRegistrations()).map(r => (r.active ?? r.waiting ?? r.installing).scriptURL)");
        Assert.Equal([app.BaseAddress + "sw.js?v=" + newVersion], registrations);
        output.WriteLine($"{oldVersion} → {newVersion}");
    }

    [Fact]
    public async Task WhileTheAppCantBeReachedThePhoneShowsItsOwnCalmWordsInBothThemes()
    {
        var robin = new Person("Robin", "Europe/Berlin");
        var light = await app.SignedInPhoneAsync(robin);
        var dark = await app.SignInOnAPhoneAsync(robin, ColorScheme.Dark);
        await using var lightContext = light.Context;
        await using var darkContext = dark.Context;
        var phones = new[] { (Phone: light, Theme: "light"), (Phone: dark, Theme: "dark") };
        foreach (var (phone, _) in phones)
        {
            await phone.WaitUntilControlledAsync();
        }

        await app.RestartAppAsync(whileStopped: async () =>
        {
            // The open page: the circuit drops and the phone is offline; the app's card says so, no browser dialog.
            foreach (var (phone, theme) in phones)
            {
                await phone.Context.SetOfflineAsync(true);
                var banner = phone.Locator("#components-reconnect-modal");
                await Expect(banner).ToBeVisibleAsync();
                // Every state's words are in the card; only the one that fits shows.
                await Expect(banner.GetByText("You're offline. Nothing you wrote is lost")).ToBeVisibleAsync();
                await Expect(banner.GetByText("Reconnecting…")).ToBeHiddenAsync();
                Assert.Equal(0, await phone.Locator("dialog[open]").CountAsync());
                await phone.WaitForFunctionAsync( // faded in
                    "() => document.getElementById('components-reconnect-modal').getAnimations().every(a => a.animationName !== 'cc-reconnect-appear' || a.playState === 'finished')");
                await Screenshots.SaveScreenAtAsync(phone, phone.Locator("h1"), $"look-install-02-reconnect-offline-{theme}");
            }

            // A new page while nothing answers: the offline page from the service worker, at the address asked for.
            foreach (var (phone, theme) in phones)
            {
                await phone.GotoAsync("preferences/reminders");
                await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You're offline for a moment");
                await Expect(phone).ToHaveURLAsync(app.BaseAddress + "preferences/reminders");
                await phone.AssertNoSeriousAxeViolationsAsync($"offline page ({theme})", output);
                await Screenshots.SaveAsync(phone, $"look-install-03-offline-page-{theme}");
                await phone.Context.SetOfflineAsync(false);
            }
        });

        // Back online and the app is up: "Try again" brings the page that was asked for.
        await light.GetByRole(AriaRole.Button, new() { Name = "Try again" }).TapAsync();
        await Expect(light).ToHaveURLAsync(app.BaseAddress + "preferences/reminders");
        await light.WaitUntilInteractiveAsync();
        await Expect(light.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("You're offline for a moment");
    }
}
