using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// A stand-in Web Push service (RFC 8030) on 127.0.0.1 and a free port. It checks what a real one checks (VAPID token,
/// TTL, aes128gcm body), decrypts each message with the subscription's private key, records it and answers 201, or
/// whatever a test scripted (404, 410, 413, 429, 500, a hang) to exercise the sender's handling. Wrong requests are
/// answered 400/401/403/404/413 and recorded in <see cref="Rejections"/> with the reason.
/// </summary>
public sealed partial class TestPushService : IAsyncDisposable
{
    /// <summary>RFC 8291 §4: push services must accept, and may refuse more than, a 4096-byte body.</summary>
    public const int MaxBodyBytes = 4096;

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, TestPushSubscription> _subscriptions = new();
    private readonly ConcurrentDictionary<string, bool> _unsubscribed = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedPush> _received = [];
    private readonly List<RejectedPush> _rejections = [];
    private readonly List<PushAttempt> _attempts = [];
    private readonly Dictionary<string, Queue<PushAnswer>> _nextAnswers = [];
    private readonly Dictionary<string, PushAnswer> _standingAnswers = [];
    private PushAnswer _answerForAll = PushAnswer.Created;
    private TaskCompletionSource _changed = NewSignal();

    private TestPushService(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        _app.Run(HandleAsync);
    }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash: the origin VAPID tokens must name as aud.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>When set (base64url uncompressed point), only tokens signed by this application server key are accepted (else 403).</summary>
    public string? ExpectedVapidPublicKey { get; set; }

    /// <summary>
    /// RFC 8292 wants aud to be the endpoint's origin, port included. Lib.Net.Http.WebPush 3.3.1 sends scheme://host
    /// only, which is the same thing on a real push service (port 443) but not here, so by default the port-less
    /// form is tolerated too. Set false to insist on the exact origin. Any other aud is always refused.
    /// </summary>
    public bool AcceptAudienceWithoutPort { get; set; } = true;

    /// <summary>Messages accepted with 201, oldest first.</summary>
    public IReadOnlyList<ReceivedPush> Received
    {
        get { lock (_gate) { return [.. _received]; } }
    }

    /// <summary>Requests refused because they were wrong, oldest first.</summary>
    public IReadOnlyList<RejectedPush> Rejections
    {
        get { lock (_gate) { return [.. _rejections]; } }
    }

    /// <summary>Every request with its answer, oldest first, including scripted failures and rejections.</summary>
    public IReadOnlyList<PushAttempt> Attempts
    {
        get { lock (_gate) { return [.. _attempts]; } }
    }

    /// <summary>Starts the service on a free loopback port. <paramref name="clock"/> decides "now" for the VAPID exp check.</summary>
    public static async Task<TestPushService> StartAsync(TimeProvider? clock = null)
    {
        // The empty builder reads no appsettings and logs nothing: the service must not pick up the app's configuration.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var service = new TestPushService(builder.Build(), clock ?? TimeProvider.System);
        await service._app.StartAsync();
        service.Origin = service._app.Urls.Single().TrimEnd('/');
        return service;
    }

    /// <summary>A new browser-like subscription whose endpoint is on this service.</summary>
    public TestPushSubscription Subscribe()
    {
        var id = Guid.NewGuid().ToString("N");
        var subscription = new TestPushSubscription(id, new Uri($"{Origin}/push/{id}"));
        _subscriptions[id] = subscription;
        return subscription;
    }

    /// <summary>As if the user revoked permission: from now on the endpoint answers 410 Gone (recorded as a rejection).</summary>
    public void Unsubscribe(TestPushSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _unsubscribed[subscription.Id] = true;
    }

    /// <summary>How every valid message is answered from now on, unless a subscription has its own answer.</summary>
    public void AnswerAll(PushAnswer answer)
    {
        lock (_gate) { _answerForAll = answer; }
    }

    /// <summary>How valid messages to <paramref name="subscription"/> are answered from now on.</summary>
    public void AnswerFor(TestPushSubscription subscription, PushAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate) { _standingAnswers[subscription.Id] = answer; }
    }

    /// <summary>Answers the next valid messages to <paramref name="subscription"/> with these, one each, then as before (e.g. 429 then 201).</summary>
    public void AnswerNext(TestPushSubscription subscription, params PushAnswer[] answers)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            if (!_nextAnswers.TryGetValue(subscription.Id, out var queue))
            {
                _nextAnswers[subscription.Id] = queue = new Queue<PushAnswer>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    /// <summary>Forgets scripted answers: everything is answered 201 again.</summary>
    public void ResetAnswers()
    {
        lock (_gate)
        {
            _answerForAll = PushAnswer.Created;
            _standingAnswers.Clear();
            _nextAnswers.Clear();
        }
    }

    /// <summary>Forgets received messages, rejections and attempts (subscriptions and answers stay).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _received.Clear();
            _rejections.Clear();
            _attempts.Clear();
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages were received and returns them all.
    /// Throws <see cref="TimeoutException"/> naming what did arrive and every rejection, so a failing test says why.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedPush>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_received.Count >= count)
                {
                    return [.. _received];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    var rejections = string.Join("; ", _rejections.Select(r => $"{r.StatusCode} {r.Reason}"));
                    throw new TimeoutException(
                        $"Waited {timeout} for {count} push message(s), received {_received.Count}. Rejections: [{rejections}]");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Ends hanging requests first, so stopping Kestrel does not wait for them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Dispose();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var now = _clock.GetUtcNow();
        var id = PushPath().Match(request.Path.Value ?? "") is { Success: true } match ? match.Groups["id"].Value : null;

        if (!HttpMethods.IsPost(request.Method) || id is null || !_subscriptions.TryGetValue(id, out var subscription))
        {
            await RejectAsync(context, id, 404, $"No subscription at {request.Method} {request.Path}.", now);
            return;
        }

        if (_unsubscribed.ContainsKey(id))
        {
            await RejectAsync(context, id, 410, "The subscription was unsubscribed.", now);
            return;
        }

        var (identity, failure) = VapidAuthorizationCheck.Check(
            request.Headers.Authorization, request.Headers["Crypto-Key"], AcceptedAudiences(), now, ExpectedVapidPublicKey);
        if (failure is not null)
        {
            await RejectAsync(context, id, failure.StatusCode, failure.Reason, now);
            return;
        }

        // RFC 8030 §5.2: TTL is required, a number of seconds.
        if (!int.TryParse(request.Headers["TTL"], NumberStyles.None, CultureInfo.InvariantCulture, out var timeToLive))
        {
            await RejectAsync(context, id, 400, $"The TTL header is missing or not a whole number of seconds: '{request.Headers["TTL"]}'.", now);
            return;
        }

        string? urgency = request.Headers["Urgency"];
        if (urgency is not null && urgency is not ("very-low" or "low" or "normal" or "high"))
        {
            await RejectAsync(context, id, 400, $"The Urgency '{urgency}' is none of very-low, low, normal, high.", now);
            return;
        }

        // RFC 8030 §5.4: at most 32 characters of the base64url alphabet.
        string? topic = request.Headers["Topic"];
        if (topic is not null && !TopicShape().IsMatch(topic))
        {
            await RejectAsync(context, id, 400, $"The Topic '{topic}' is not up to 32 base64url characters.", now);
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            await RejectAsync(context, id, 413, $"The body is larger than {MaxBodyBytes} bytes.", now);
            return;
        }

        var text = "";
        if (body.Length > 0)
        {
            if (!string.Equals(request.Headers.ContentEncoding, "aes128gcm", StringComparison.OrdinalIgnoreCase))
            {
                await RejectAsync(context, id, 400, $"A body needs Content-Encoding: aes128gcm, not '{request.Headers.ContentEncoding}'.", now);
                return;
            }

            try
            {
                text = subscription.DecryptText(body);
            }
            catch (WebPushDecryptionException ex)
            {
                await RejectAsync(context, id, 400, $"The body does not decrypt: {ex.Message}", now);
                return;
            }
        }

        await AnswerAsync(context, NextAnswer(id), new ReceivedPush(
            id, subscription.Endpoint, text, timeToLive, urgency, topic, identity!.Subject, identity.Audience, identity.PublicKey, identity.Scheme, now));
    }

    private async Task AnswerAsync(HttpContext context, PushAnswer answer, ReceivedPush message)
    {
        if (answer.Hang is { } hang)
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                // Real time, not the test clock: a hang exercises the sender's HTTP timeout.
                await Task.Delay(hang, giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                // The sender timed out (or the service stopped): nothing was answered, nothing received.
                Record(attempt: new PushAttempt(message.SubscriptionId, null, message.ReceivedAt));
                return;
            }
        }

        context.Response.StatusCode = answer.StatusCode;
        if (answer.StatusCode == 201)
        {
            // RFC 8030 §5: the Location names the push message resource.
            context.Response.Headers.Location = $"{Origin}/message/{Guid.NewGuid():N}";
            Record(attempt: new PushAttempt(message.SubscriptionId, 201, message.ReceivedAt), received: message);
            return;
        }

        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        Record(attempt: new PushAttempt(message.SubscriptionId, answer.StatusCode, message.ReceivedAt));
        await context.Response.WriteAsync($"Scripted answer {answer.StatusCode}.", context.RequestAborted);
    }

    private async Task RejectAsync(HttpContext context, string? subscriptionId, int statusCode, string reason, DateTimeOffset now)
    {
        Record(
            attempt: new PushAttempt(subscriptionId, statusCode, now),
            rejection: new RejectedPush(subscriptionId, statusCode, reason, now));
        context.Response.StatusCode = statusCode;
        await context.Response.WriteAsync(reason, context.RequestAborted);
    }

    private string[] AcceptedAudiences()
    {
        var origin = new Uri(Origin);
        return AcceptAudienceWithoutPort ? [Origin, $"{origin.Scheme}://{origin.Host}"] : [Origin];
    }

    private PushAnswer NextAnswer(string id)
    {
        lock (_gate)
        {
            if (_nextAnswers.TryGetValue(id, out var queue) && queue.TryDequeue(out var next))
            {
                return next;
            }

            return _standingAnswers.GetValueOrDefault(id, _answerForAll);
        }
    }

    private void Record(PushAttempt attempt, RejectedPush? rejection = null, ReceivedPush? received = null)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _attempts.Add(attempt);
            if (rejection is not null)
            {
                _rejections.Add(rejection);
            }

            if (received is not null)
            {
                _received.Add(received);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[MaxBodyBytes + 1];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GeneratedRegex("^/push/(?<id>[0-9a-f]{32})$")]
    private static partial Regex PushPath();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex TopicShape();
}
