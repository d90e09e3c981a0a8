namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>Web Push (docs/adr/0044). Push is on when a VAPID key is configured; without one the app only emails.</summary>
public sealed class PushOptions
{
    public const string SectionName = "CoupleConnect:Push";

    /// <summary>A PEM file with the VAPID P-256 private key (./run.sh creates .local/vapid-key.pem); the public key is derived from it.</summary>
    public string? VapidKeyFile { get; set; }

    /// <summary>Or the key pair itself, base64url as web-push tools print them (public: 65-byte point; private: 32-byte scalar).</summary>
    public string? VapidPublicKey { get; set; }

    /// <inheritdoc cref="VapidPublicKey"/>
    public string? VapidPrivateKey { get; set; }

    /// <summary>Who push services may contact about our traffic (RFC 8292): a mailto: or https: address.</summary>
    public string Subject { get; set; } = "mailto:admin@coupleconnect.local";

    /// <summary>
    /// The push services a subscription may point at. The server POSTs to a subscription's endpoint, so an endpoint
    /// from the browser is only accepted here: anything else would let a signed-in person make us call any address.
    /// A leading dot matches subdomains.
    /// </summary>
    public List<string> AllowedEndpointHosts { get; set; } =
    [
        "fcm.googleapis.com",
        "android.googleapis.com",
        "updates.push.services.mozilla.com",
        ".push.apple.com",
        ".notify.windows.com",
    ];

    /// <summary>Plain http endpoints are refused unless this is set (the tests' local push service).</summary>
    public bool AllowHttpEndpoints { get; set; }

    /// <summary>How long a push service keeps a notification for a phone that is off (kept short: a late reminder is noise).</summary>
    public int TimeToLiveSeconds { get; set; } = 3 * 60 * 60;

    /// <summary>How long one request to a push service may take before it counts as a temporary failure.</summary>
    public int RequestTimeoutSeconds { get; set; } = 15;
}
