using System.Text.Json;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 19, push reminders, in Chromium on a 390x844 phone: Alex turns notifications on from reminder settings with a
/// tap, the app's real service worker takes the subscription, a due reminder goes out through the real sender and
/// push client to a local push service that checks the VAPID token and decrypts the payload, and that payload, handed
/// to the real service worker, shows a notification that opens the question's page. Alex then turns it off again.
/// <para>
/// What stands in, and why: Chromium's <c>pushManager.subscribe</c> registers with Google's push service (FCM), which
/// this machine cannot reach, and no browser lets a page choose its push service. So an init script gives
/// <c>PushManager</c> a subscription on the local push service (its endpoint and keys, as the browser would hand them
/// over); everything after that is real. The local push service cannot reach the browser either, so the test hands
/// the decrypted payload to the service worker over CDP (<c>ServiceWorker.deliverPushMessage</c>), as Chromium's push
/// service connection would.
/// </para>
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class PushNotificationsJourney(AppFixture app, ITestOutputHelper output)
{
    private static readonly string[] EveryImpact = ["minor", "moderate", "serious", "critical"];

    [Fact]
    public async Task TurningNotificationsOnDeliversAReminderToThisPhoneAndTurningThemOffStopsThem()
    {
        await using var push = await TestPushService.StartAsync();
        push.ExpectedVapidPublicKey = CoupleConnectAppFactory.TestVapidKeys.PublicKey;
        var subscription = push.Subscribe();
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var (alex, sam) = await app.PairedPhonesAsync(alexPerson, new Person("Sam", "America/New_York"));
        try
        {
            await alex.Context.GrantPermissionsAsync(["notifications"], new() { Origin = app.BaseAddress.TrimEnd('/') });
            await alex.Context.AddInitScriptAsync(LocalPushService(subscription));

            await alex.GotoAsync("preferences/reminders");
            await alex.WaitUntilInteractiveAsync();
            var turnOn = alex.Locator("#push-on-here-button");
            await Expect(turnOn).ToBeVisibleAsync();
            await Shot(alex, "push-01-reminders-before");
            await alex.AssertNoAxeViolationsAsync("reminders with notifications off", output, withSnackbars: false, EveryImpact);

            await turnOn.ClickAsync();
            await Expect(alex.Locator("#push-on-here")).ToContainTextAsync("This device gets your notifications");
            await Expect(alex.Locator("#push-devices")).ToContainTextAsync("(this device)");
            await Expect(alex.Locator("#push-channels")).ToBeVisibleAsync();
            await Shot(alex, "push-02-reminders-on");
            await alex.AssertNoAxeViolationsAsync("reminders with notifications on", output, withSnackbars: false, EveryImpact);

            // A morning question comes due: the real sender sends it to the local push service, which decrypts it.
            var alexId = await app.UserIdOfAsync(alexPerson.Email);
            var now = app.Clock.GetUtcNow();
            var services = app.Factory.Services;
            await services.GetRequiredService<ReminderOutboxStore>().QueueAsync(
                [new ReminderOutboxWrite(alexId, ReminderKind.DailyQuestion, DateOnly.FromDateTime(now.UtcDateTime), null, now, null)], CancellationToken.None);
            await services.GetRequiredService<ReminderSender>().SendDueAsync();
            var received = Assert.Single(await push.WaitForAsync(1, TimeSpan.FromSeconds(15)));
            using (var payload = JsonDocument.Parse(received.Text))
            {
                Assert.Equal("Today's question is waiting", payload.RootElement.GetProperty("title").GetString());
            }

            // The app's service worker shows it, and it leads to the question's day.
            await DeliverToServiceWorkerAsync(alex, received.Text);
            var shown = await WaitForNotificationAsync(alex);
            Assert.Equal("Today's question is waiting", shown.GetProperty("title").GetString());
            Assert.StartsWith("/checkin/", shown.GetProperty("url").GetString(), StringComparison.Ordinal);

            await alex.Locator("#push-off-here").ClickAsync();
            await Expect(turnOn).ToBeVisibleAsync();
            await Expect(alex.Locator("#push-devices")).ToHaveCountAsync(0);
            Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM push_devices WHERE user_id = @id", ("id", alexId)));
        }
        catch
        {
            await Shot(alex, "failure-push-alex");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    /// <summary>The subscription a browser would hand over, on the local push service (see the class comment).</summary>
    private static string LocalPushService(TestPushSubscription subscription) => $$"""
        (() => {
            const json = { endpoint: "{{subscription.Endpoint}}", expirationTime: null, keys: { p256dh: "{{subscription.P256dh}}", auth: "{{subscription.Auth}}" } };
            let current = null;
            PushManager.prototype.subscribe = async function (options) {
                current = {
                    endpoint: json.endpoint,
                    expirationTime: null,
                    options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(options.applicationServerKey).buffer },
                    toJSON: () => json,
                    unsubscribe: async () => { current = null; return true; },
                };
                return current;
            };
            PushManager.prototype.getSubscription = async function () { return current; };
        })();
        """;

    private async Task DeliverToServiceWorkerAsync(IPage page, string data)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, update) =>
        {
            foreach (var entry in update!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (entry.GetProperty("scopeURL").GetString() == app.BaseAddress && !entry.GetProperty("isDeleted").GetBoolean())
                {
                    registration.TrySetResult(entry.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = app.BaseAddress.TrimEnd('/'), ["registrationId"] = registrationId, ["data"] = data });
    }

    private static async Task<JsonElement> WaitForNotificationAsync(IPage page)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var shown = await page.EvaluateAsync<JsonElement>("""
                async () => {
                    const registration = await navigator.serviceWorker.getRegistration("/");
                    const list = registration ? await registration.getNotifications() : [];
                    return list.map(n => ({ title: n.title, url: n.data?.url ?? null }));
                }
                """);
            if (shown.GetArrayLength() > 0)
            {
                return shown[0];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The service worker showed no notification.");
    }

    private async Task Shot(IPage page, string shotName) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, shotName));
}
