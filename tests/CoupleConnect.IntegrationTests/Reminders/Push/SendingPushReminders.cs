using System.Text.Json;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.TimeOuts;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Reminders.Push;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Reminders.Push;

/// <summary>
/// Push as a channel of the one reminder engine (docs/adr/0044), end to end through the real sender, the real
/// Lib.Net.Http.WebPush client and a local push service that checks the VAPID token and decrypts the RFC 8291 payload
/// with the subscription's private key: one row per (person, kind, day, channel), each sent once.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class SendingPushReminders(SendingAppFixture app) : IAsyncLifetime
{
    private const string PhoneAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private TestPushService _push = null!;

    public async Task InitializeAsync()
    {
        // Real time, not the app's clock: the push client signs its VAPID token with the real clock, as real push services check it.
        _push = await TestPushService.StartAsync();
        _push.ExpectedVapidPublicKey = CoupleConnectAppFactory.TestVapidKeys.PublicKey;
    }

    public async Task DisposeAsync() => await _push.DisposeAsync();

    [Fact]
    public async Task AReminderWithPushChosenArrivesOnceEncryptedSignedAndWithoutAnyonesWords()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        var phone = await AddDeviceAsync(couple.Inviter);
        await ChooseAsync(couple.Inviter, ReminderTopic.DailyQuestion, ReminderChannels.Push);
        await app.StartCleanAsync();

        Assert.Equal(1, await QueueAsync(couple.Inviter, ReminderKind.DailyQuestion));
        Assert.Equal(0, await QueueAsync(couple.Inviter, ReminderKind.DailyQuestion)); // the same reminder again: nothing new
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());

        var received = Assert.Single(await _push.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(phone.Id, received.SubscriptionId);
        Assert.Equal("mailto:tests@coupleconnect.test", received.VapidSubject);
        using var payload = JsonDocument.Parse(received.Text);
        Assert.Equal("Today's question is waiting", payload.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("/checkin/", payload.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kai", received.Text, StringComparison.Ordinal);
        Assert.Empty(app.Smtp.Received);
        var row = Assert.Single(await app.Outbox.RowsOfAsync(couple.Inviter.Id));
        Assert.Equal((ReminderChannel.Push, ReminderStatus.Sent), (row.Channel, row.Status));
    }

    [Fact]
    public async Task EmailAndPushBothChosenSendOneOfEachAndDiscreetModeSaysOnlyAGentleReminder()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await AddDeviceAsync(couple.Partner); // a first device turns notifications on beside email for every reminder
        await app.Driver.Tables.ExecuteAsync("UPDATE \"AspNetUsers\" SET discreet_emails = true WHERE id = @id", ("id", couple.Partner.Id));
        await app.StartCleanAsync();

        Assert.Equal(2, await QueueAsync(couple.Partner, ReminderKind.EveningGratitude));
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());

        var received = Assert.Single(await _push.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        using var payload = JsonDocument.Parse(received.Text);
        Assert.Equal("A gentle reminder", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("/gratitude", payload.RootElement.GetProperty("url").GetString());
        Assert.Single(app.Smtp.Received);
        Assert.Equal([ReminderChannel.Email, ReminderChannel.Push], (await app.Outbox.RowsOfAsync(couple.Partner.Id)).Select(row => row.Channel).Order());
    }

    [Fact]
    public async Task ADeviceThePushServiceSaysIsGoneIsForgottenAndTheReminderGoesByEmailInstead()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        var phone = await AddDeviceAsync(couple.Inviter);
        await ChooseAsync(couple.Inviter, ReminderTopic.EveningGratitude, ReminderChannels.Push);
        await app.StartCleanAsync();
        _push.Unsubscribe(phone); // the app was uninstalled: 410 Gone

        Assert.Equal(1, await QueueAsync(couple.Inviter, ReminderKind.EveningGratitude));
        Assert.Equal(new ReminderSendResult(0, 1, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync()); // the email, on the sender's next run

        Assert.Equal(410, Assert.Single(_push.Rejections).StatusCode);
        await using (var scope = app.Driver.AsUser(couple.Inviter))
        {
            Assert.Empty((await scope.Get<PushDeviceService>().GetAsync())!.Devices);
        }

        var rows = await app.Outbox.RowsOfAsync(couple.Inviter.Id);
        var pushRow = Assert.Single(rows, row => row.Channel == ReminderChannel.Push);
        Assert.Equal((ReminderStatus.Skipped, (ReminderSkipReason?)ReminderSkipReason.NoPushDevice), (pushRow.Status, pushRow.SkipReason));
        Assert.Equal(ReminderStatus.Sent, Assert.Single(rows, row => row.Channel == ReminderChannel.Email).Status);
        Assert.Single(app.Smtp.Received);
    }

    [Fact]
    public async Task APushServiceThatIsBusyIsTriedAgainAfterTheBackoffAndDeliveredOnce()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        var phone = await AddDeviceAsync(couple.Inviter);
        await ChooseAsync(couple.Inviter, ReminderTopic.DailyQuestion, ReminderChannels.Push);
        await app.StartCleanAsync();
        _push.AnswerNext(phone, PushAnswer.TooManyRequests(TimeSpan.FromSeconds(30)), PushAnswer.ServerError);

        await QueueAsync(couple.Inviter, ReminderKind.DailyQuestion);
        Assert.Equal(new ReminderSendResult(0, 0, 1, 0), await app.Sender.SendDueAsync());
        app.Clock.Advance(ReminderRetryPolicy.DelayAfter(1));
        Assert.Equal(new ReminderSendResult(0, 0, 1, 0), await app.Sender.SendDueAsync());
        app.Clock.Advance(ReminderRetryPolicy.DelayAfter(2));
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());

        Assert.Single(await _push.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        var row = Assert.Single(await app.Outbox.RowsOfAsync(couple.Inviter.Id));
        Assert.Equal((ReminderStatus.Sent, 3), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task ASenderThatDiesAfterThePushServiceTookItRepeatsThatOneNotificationOnceAfterItsLeaseAndNoMore()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await AddDeviceAsync(couple.Inviter);
        await ChooseAsync(couple.Inviter, ReminderTopic.DailyQuestion, ReminderChannels.Push);
        await app.StartCleanAsync();
        await QueueAsync(couple.Inviter, ReminderKind.DailyQuestion);

        // The process dies between the push service's 201 and the outbox mark: the documented window (docs/adr/0044).
        var dying = app.App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IPushGateway>(provider => new DiesAfterDelivery(ActivatorUtilities.CreateInstance<WebPushGateway>(provider)))));
        await Assert.ThrowsAsync<SenderDied>(() => dying.Services.GetRequiredService<ReminderSender>().SendDueAsync());
        Assert.Single(await _push.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal(ReminderStatus.Pending, Assert.Single(await app.Outbox.RowsOfAsync(couple.Inviter.Id)).Status);

        // Within the lease nobody touches it; after it, the next sender sends it once more and marks it.
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(301));
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(2, (await _push.WaitForAsync(2, TimeSpan.FromSeconds(10))).Count);
        Assert.Equal(2, _push.Attempts.Count);
        await dying.DisposeAsync();
    }

    [Fact]
    public async Task ATimeOutNoticeAndYourTurnTakeTheSamePath()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await AddDeviceAsync(couple.Partner);
        await ChooseAsync(couple.Partner, ReminderTopic.TimeOuts, ReminderChannels.Push);
        await ChooseAsync(couple.Partner, ReminderTopic.PartnerActivity, ReminderChannels.Push);
        await app.StartCleanAsync();

        Assert.True((await app.Driver.CallTimeOutAsync(couple.Inviter, Domain.TimeOuts.TimeOutQuickPick.OneHour)).Succeeded);
        var outbox = app.App.Services.GetRequiredService<ReminderOutboxStore>();
        var now = app.Clock.GetUtcNow();
        await outbox.QueuePartnerActivityAsync(couple.Partner.Id, DateOnly.FromDateTime(now.UtcDateTime), now, CancellationToken.None);
        Assert.Equal(new ReminderSendResult(2, 0, 0, 0), await app.Sender.SendDueAsync());

        var titles = (await _push.WaitForAsync(2, TimeSpan.FromSeconds(10))).Select(push => JsonDocument.Parse(push.Text).RootElement.GetProperty("title").GetString()).Order();
        Assert.Equal(["Taking a short pause", "Your partner answered: your turn"], titles);
        Assert.Contains(_push.Received, push => push.Urgency == "high");
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public async Task OnlyKnownPushServicesAreAcceptedAndNothingIsStoredOtherwise()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        var subscription = _push.Subscribe();
        await using var scope = app.Driver.AsUser(couple.Inviter);
        var devices = scope.Get<PushDeviceService>();

        foreach (var endpoint in new[] { "https://evil.example/push/1", "http://10.0.0.1/push", "https://user:pw@fcm.googleapis.com/x", "https://fcm.googleapis.com.evil.example/x", "javascript:alert(1)" })
        {
            var refused = await devices.AddThisDeviceAsync(endpoint, subscription.P256dh, subscription.Auth, PhoneAgent);
            Assert.False(refused.Succeeded, endpoint);
            Assert.NotNull(refused.Error);
        }

        foreach (var payload in HostilePayloads.All)
        {
            Assert.False((await devices.AddThisDeviceAsync(subscription.Endpoint.ToString(), payload.Value, subscription.Auth, PhoneAgent)).Succeeded, payload.Name);
        }

        Assert.Empty((await devices.GetAsync())!.Devices);
    }

    [Fact]
    public async Task ABrowserThatChangesHandsSendsOnlyTheNewPersonsReminders()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        var shared = _push.Subscribe();
        await AddDeviceAsync(couple.Inviter, shared);
        await AddDeviceAsync(couple.Partner, shared); // Kai signs in on the same tablet and turns notifications on

        await using var robin = app.Driver.AsUser(couple.Inviter);
        Assert.Empty((await robin.Get<PushDeviceService>().GetAsync())!.Devices);
        await using var kai = app.Driver.AsUser(couple.Partner);
        var device = Assert.Single((await kai.Get<PushDeviceService>().GetAsync())!.Devices);
        Assert.Equal("Chrome on Android", device.Name);

        Assert.False((await robin.Get<PushDeviceService>().RemoveAsync(device.Id)).Succeeded); // not Robin's to remove
        Assert.Equal("Please give this device a name, such as \"My phone\".", (await kai.Get<PushDeviceService>().RenameAsync(device.Id, " ")).Error);
        Assert.True((await kai.Get<PushDeviceService>().RenameAsync(device.Id, "Kitchen tablet")).Succeeded);
        Assert.Equal("Kitchen tablet", Assert.Single((await kai.Get<PushDeviceService>().GetAsync())!.Devices).Name);
    }

    [Fact]
    public async Task ADeviceWhoseSignInWasEndedGetsNothingAndSigningOutElsewhereForgetsOnlyYourOwn()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        var phone = await AddDeviceAsync(couple.Inviter);
        await ChooseAsync(couple.Inviter, ReminderTopic.DailyQuestion, ReminderChannels.Push);
        await app.StartCleanAsync();

        // Kai signing out with Robin's endpoint (or a stranger trying it) forgets nothing of Robin's.
        await app.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<PushDeviceService>().ForgetOnSignOutAsync(couple.Partner.Id, phone.Endpoint.ToString());
        await using (var robin = app.Driver.AsUser(couple.Inviter))
        {
            Assert.Single((await robin.Get<PushDeviceService>().GetAsync())!.Devices);
        }

        // Robin ends the sign-in the phone turned notifications on in ("sign out everywhere" after a takeover).
        var session = Guid.NewGuid();
        await app.Driver.Tables.ExecuteAsync(
            "INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, device, revoked_at) VALUES (@id, @user, now(), now(), 'Chrome on Android', now())",
            ("id", session), ("user", couple.Inviter.Id));
        await app.Driver.Tables.ExecuteAsync("UPDATE push_devices SET session_id = @id WHERE user_id = @user", ("id", session), ("user", couple.Inviter.Id));

        Assert.Equal(1, await QueueAsync(couple.Inviter, ReminderKind.DailyQuestion));
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Empty(_push.Attempts);
        Assert.Equal(ReminderChannel.Email, Assert.Single(await app.Outbox.RowsOfAsync(couple.Inviter.Id)).Channel);
        Assert.Single(app.Smtp.Received);
    }

    private async Task<TestPushSubscription> AddDeviceAsync(TestPerson person, TestPushSubscription? subscription = null)
    {
        subscription ??= _push.Subscribe();
        await using var scope = app.Driver.AsUser(person);
        var added = await scope.Get<PushDeviceService>().AddThisDeviceAsync(subscription.Endpoint.ToString(), subscription.P256dh, subscription.Auth, PhoneAgent);
        Assert.True(added.Succeeded, added.Error);
        return subscription;
    }

    private async Task ChooseAsync(TestPerson person, ReminderTopic topic, ReminderChannels channels)
    {
        await using var scope = app.Driver.AsUser(person);
        Assert.True((await scope.Get<PushDeviceService>().ChooseAsync(topic, channels)).Succeeded);
    }

    /// <summary>Queues one reminder due now as a feature or the dispatcher would; returns the rows written (one per channel).</summary>
    private async Task<int> QueueAsync(TestPerson person, ReminderKind kind)
    {
        var now = app.Clock.GetUtcNow();
        return await app.App.Services.GetRequiredService<ReminderOutboxStore>()
            .QueueAsync([new ReminderOutboxWrite(person.Id, kind, DateOnly.FromDateTime(now.UtcDateTime), null, now, null)], CancellationToken.None);
    }

    private sealed class SenderDied : Exception;

    /// <summary>The real gateway, then the process "dies": the push service has the notification, the outbox was never told.</summary>
    private sealed class DiesAfterDelivery(IPushGateway real) : IPushGateway
    {
        public async Task<PushResult> SendAsync(Domain.Reminders.PushDevice device, PushNotification notification, Lib.Net.Http.WebPush.PushMessageUrgency urgency, CancellationToken cancellationToken)
        {
            await real.SendAsync(device, notification, urgency, cancellationToken);
            throw new SenderDied();
        }
    }
}
