namespace CoupleConnect.Domain.Reminders;

/// <summary>
/// One browser or installed app on one of a person's devices that takes their reminder notifications (a Web Push
/// subscription). The endpoint is the push service's address for it; the keys encrypt what is sent so only that device
/// reads it. Belongs to the person, not the couple: it stays theirs after a couple ends.
/// </summary>
public sealed class PushDevice
{
    public const int MaxEndpointLength = 1000;

    /// <summary>Enough for a phone, a tablet and a computer or two; a list longer than this is more likely abuse than use.</summary>
    public const int MaxPerPerson = 10;

    private PushDevice()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>The device's P-256 public key (base64url, 65 bytes uncompressed).</summary>
    public string P256dh { get; private set; } = string.Empty;

    /// <summary>The device's 16-byte authentication secret (base64url).</summary>
    public string Auth { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The sign-in it was turned on in: when that sign-in is ended (signing out, "sign out everywhere"), its notifications end too.</summary>
    public Guid? SessionId { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>When a notification last reached its push service, for the list ("last used").</summary>
    public DateTimeOffset? LastDeliveredUtc { get; private set; }

    /// <summary>Null when the browser's subscription is usable; otherwise what is wrong with it, in words a person can read.</summary>
    public static string? ProblemWith(string? endpoint, string? p256dh, string? auth)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || endpoint.Length > MaxEndpointLength
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "This browser gave an address for notifications that we can't use.";
        }

        return IsKey(p256dh, 65) && IsKey(auth, 16) ? null : "This browser gave notification keys that we can't use.";
    }

    /// <summary>A new device; <see cref="ProblemWith"/> must have found nothing wrong with its subscription.</summary>
    public static PushDevice Create(string userId, Guid? sessionId, string endpoint, string p256dh, string auth, PushDeviceName name, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), UserId = userId, SessionId = sessionId, Endpoint = endpoint, P256dh = p256dh, Auth = auth, Name = name.Value, CreatedUtc = now };

    /// <summary>The browser subscribed again (new keys, same endpoint), or the device changed hands: it is now this person's.</summary>
    public void Renew(string userId, Guid? sessionId, string p256dh, string auth)
    {
        UserId = userId;
        SessionId = sessionId;
        P256dh = p256dh;
        Auth = auth;
    }

    public void Rename(PushDeviceName name) => Name = name.Value;

    public void Delivered(DateTimeOffset now) => LastDeliveredUtc = now;

    /// <summary>Base64url (no padding) of exactly <paramref name="bytes"/> bytes.</summary>
    public static bool IsKey(string? value, int bytes)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200 || value.Any(character => !(char.IsAsciiLetterOrDigit(character) || character is '-' or '_')))
        {
            return false;
        }

        var padded = value.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (value.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded).Length == bytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
