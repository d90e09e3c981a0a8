using System.Net;
using CoupleConnect.Domain.Reminders;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>What a push service answered for one device.</summary>
public enum PushOutcome
{
    /// <summary>201: the push service took it for delivery.</summary>
    Delivered,

    /// <summary>404/410: the subscription is gone for good (the app was uninstalled, permission withdrawn): forget the device.</summary>
    Gone,

    /// <summary>429, 5xx, a timeout or no connection: worth another try later.</summary>
    TemporaryFailure,

    /// <summary>Any other refusal (400, 403, 413): this message will never be taken.</summary>
    Rejected,
}

public sealed record PushResult(PushOutcome Outcome, string? Error = null);

/// <summary>Sends one encrypted notification to one device's push service (RFC 8030, 8291, 8292).</summary>
public interface IPushGateway
{
    Task<PushResult> SendAsync(PushDevice device, PushNotification notification, PushMessageUrgency urgency, CancellationToken cancellationToken);
}

/// <summary>The gateway over <c>Lib.Net.Http.WebPush</c>: payload encrypted with aes128gcm, VAPID with the "vapid" scheme.</summary>
public sealed class WebPushGateway(IHttpClientFactory httpClients, PushConfiguration push) : IPushGateway
{
    public const string HttpClientName = "web-push";

    public async Task<PushResult> SendAsync(PushDevice device, PushNotification notification, PushMessageUrgency urgency, CancellationToken cancellationToken)
    {
        var keys = push.Keys ?? throw new InvalidOperationException("Push is not configured (no VAPID key).");
        var subscription = new PushSubscription { Endpoint = device.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
        var message = new PushMessage(notification.ToJson())
        {
            Topic = notification.Tag,
            TimeToLive = push.Options.TimeToLiveSeconds,
            Urgency = urgency,
        };
        var authentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = push.Options.Subject };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName))
        {
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,

            // A 429 goes back to the outbox's backoff rather than holding the sender (and its lease) asleep.
            AutoRetryAfter = false,
        };
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, message, authentication, cancellationToken);
            return new PushResult(PushOutcome.Delivered);
        }
        catch (PushServiceClientException refused)
        {
            return new PushResult(OutcomeOf(refused.StatusCode), $"{(int)refused.StatusCode} {refused.Message}");
        }
        catch (HttpRequestException unreachable)
        {
            return new PushResult(PushOutcome.TemporaryFailure, unreachable.Message);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            return new PushResult(PushOutcome.TemporaryFailure, "The push service did not answer in time: " + timeout.Message);
        }
    }

    private static PushOutcome OutcomeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound or HttpStatusCode.Gone => PushOutcome.Gone,
        HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => PushOutcome.TemporaryFailure,
        >= HttpStatusCode.InternalServerError => PushOutcome.TemporaryFailure,
        _ => PushOutcome.Rejected,
    };
}
