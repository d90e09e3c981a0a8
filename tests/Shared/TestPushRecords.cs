namespace CoupleConnect.Tests.Shared;

/// <summary>A message the test push service accepted (answered 201) and decrypted.</summary>
public sealed record ReceivedPush(
    string SubscriptionId,
    Uri Endpoint,
    string Text,
    int TimeToLive,
    string? Urgency,
    string? Topic,
    string VapidSubject,
    string VapidAudience,
    string VapidPublicKey,
    VapidScheme Scheme,
    DateTimeOffset ReceivedAt);

/// <summary>A request the test push service refused because it was wrong (bad token, no TTL, undecryptable, unknown subscription…).</summary>
public sealed record RejectedPush(string? SubscriptionId, int StatusCode, string Reason, DateTimeOffset ReceivedAt);

/// <summary>Every request, valid or not, with the status it was answered; null when the sender gave up during a hang.</summary>
public sealed record PushAttempt(string? SubscriptionId, int? StatusCode, DateTimeOffset ReceivedAt);

/// <summary>
/// How the test push service answers a valid message, to exercise the sender's handling. Only
/// <see cref="Created"/> (and a finished <see cref="HangFor"/>) counts the message as received.
/// </summary>
public sealed record PushAnswer(int StatusCode, TimeSpan? RetryAfter = null, TimeSpan? Hang = null)
{
    /// <summary>201 with a Location header: the normal answer.</summary>
    public static PushAnswer Created { get; } = new(201);

    /// <summary>404: the subscription does not exist (any more).</summary>
    public static PushAnswer NotFound { get; } = new(404);

    /// <summary>410: the subscription has expired or was unsubscribed; senders should drop it.</summary>
    public static PushAnswer Gone { get; } = new(410);

    /// <summary>413: the payload is too large.</summary>
    public static PushAnswer PayloadTooLarge { get; } = new(413);

    /// <summary>500: the push service failed.</summary>
    public static PushAnswer ServerError { get; } = new(500);

    /// <summary>429 with Retry-After in whole seconds.</summary>
    public static PushAnswer TooManyRequests(TimeSpan retryAfter) => new(429, retryAfter);

    /// <summary>Holds the request for <paramref name="duration"/> (or until the sender gives up), then answers 201.</summary>
    public static PushAnswer HangFor(TimeSpan duration) => new(201, Hang: duration);
}
