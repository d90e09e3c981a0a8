using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoupleConnect.Tests.Shared;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupleConnect.IntegrationTests.Reminders.Push;

/// <summary>
/// The test push service against the real Lib.Net.Http.WebPush client and against RFC 8291's worked example, so
/// reminder tests can trust what it decrypts and refuses. No app and no database: only the service and the client.
/// </summary>
public sealed class TestPushServiceWorks : IAsyncLifetime
{
    private const string Subject = "mailto:reminders@coupleconnect.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly (string PublicKey, string PrivateKey) _vapidKeys = WebPushKeys.CreateVapidKeyPair();
    private static readonly HttpClient Http = new();
    private TestPushService _service = null!;

    public async Task InitializeAsync() => _service = await TestPushService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AMessageSentWithTheVapidSchemeArrivesDecryptedWithItsHeaders()
    {
        var subscription = _service.Subscribe();
        const string text = "Sam answered today's question 💛 — your turn, Åsa";

        await Client().RequestPushMessageDeliveryAsync(
            ForLibrary(subscription),
            new PushMessage(text) { TimeToLive = 3600, Urgency = PushMessageUrgency.High, Topic = "daily-question" },
            Vapid(),
            VapidAuthenticationScheme.Vapid);

        var push = Assert.Single(await _service.WaitForAsync(1, Patience));
        Assert.Equal(text, push.Text);
        Assert.Equal(subscription.Id, push.SubscriptionId);
        Assert.Equal(3600, push.TimeToLive);
        Assert.Equal("high", push.Urgency);
        Assert.Equal("daily-question", push.Topic);
        Assert.Equal(Subject, push.VapidSubject);
        Assert.Equal(_vapidKeys.PublicKey, push.VapidPublicKey);
        Assert.Equal(VapidScheme.Vapid, push.Scheme);
        Assert.Empty(_service.Rejections);
    }

    [Fact]
    public async Task TheClientsDefaultsAreTheVapidSchemeNoUrgencyAndAFourWeekTtl()
    {
        var subscription = _service.Subscribe();
        var client = Client();
        client.DefaultAuthentication = Vapid();

        await client.RequestPushMessageDeliveryAsync(ForLibrary(subscription), new PushMessage("Time for a check-in"));

        var push = Assert.Single(await _service.WaitForAsync(1, Patience));
        Assert.Equal(VapidScheme.Vapid, push.Scheme);
        Assert.Equal("Time for a check-in", push.Text);
        Assert.Equal(2419200, push.TimeToLive);
        Assert.Null(push.Urgency); // "normal" is left out
        Assert.Null(push.Topic);
    }

    [Fact]
    public async Task AMessageSentWithTheOlderWebPushSchemeArrivesToo()
    {
        var subscription = _service.Subscribe();

        await Client().RequestPushMessageDeliveryAsync(
            ForLibrary(subscription), new PushMessage("Old-style header") { TimeToLive = 60 }, Vapid(), VapidAuthenticationScheme.WebPush);

        var push = Assert.Single(await _service.WaitForAsync(1, Patience));
        Assert.Equal(VapidScheme.WebPush, push.Scheme);
        Assert.Equal("Old-style header", push.Text);
        Assert.Equal(_vapidKeys.PublicKey, push.VapidPublicKey);
    }

    [Fact]
    public async Task AMessageWithoutContentArrivesEmpty()
    {
        var subscription = _service.Subscribe();

        await Client().RequestPushMessageDeliveryAsync(ForLibrary(subscription), new PushMessage(""), Vapid(), VapidAuthenticationScheme.Vapid);

        Assert.Equal("", Assert.Single(await _service.WaitForAsync(1, Patience)).Text);
    }

    [Fact]
    public async Task TheLibraryNamesTheOriginWithoutItsPortSoAStrictServiceRefusesIt()
    {
        // Pins a quirk of Lib.Net.Http.WebPush 3.3.1 (aud = scheme://host). Harmless on real push services (port 443);
        // if a later version sends the full origin, this test says so and the tolerance can go.
        _service.AcceptAudienceWithoutPort = false;
        var subscription = _service.Subscribe();

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            ForLibrary(subscription), new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("aud is 'http://127.0.0.1'", Assert.Single(_service.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHandMadeTokenThatIsRightIsAccepted()
    {
        // The control for the refusals below: the same hand-made request, nothing wrong with it.
        var subscription = _service.Subscribe();
        using var signer = Signer(_vapidKeys.PrivateKey);

        var response = await PostAsync(subscription, $"vapid t={Token(signer, _service.Origin, InOneHour())}, k={_vapidKeys.PublicKey}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal("", Assert.Single(_service.Received).Text);
    }

    [Theory]
    [InlineData("tampered claims", "signature does not verify")]
    [InlineData("signed by another key", "signature does not verify")]
    [InlineData("expired", "expired")]
    [InlineData("more than a day ahead", "more than 24 hours")]
    [InlineData("another origin", "aud is 'https://push.example.net'")]
    [InlineData("no subject", "is not a mailto: or https: contact")]
    [InlineData("subject without a scheme", "is not a mailto: or https: contact")]
    [InlineData("not ES256", "alg is not ES256")]
    public async Task AWrongTokenIsRefusedWith401AndTheReason(string wrong, string reason)
    {
        var subscription = _service.Subscribe();
        using var signer = Signer(_vapidKeys.PrivateKey);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var token = wrong switch
        {
            "tampered claims" => Tamper(Token(signer, _service.Origin, InOneHour())),
            "signed by another key" => Token(stranger, _service.Origin, InOneHour()),
            "expired" => Token(signer, _service.Origin, now.AddSeconds(-5)),
            "more than a day ahead" => Token(signer, _service.Origin, now.AddHours(25)),
            "another origin" => Token(signer, "https://push.example.net", InOneHour()),
            "no subject" => Token(signer, _service.Origin, InOneHour(), subject: null),
            "subject without a scheme" => Token(signer, _service.Origin, InOneHour(), subject: "reminders@coupleconnect.test"),
            "not ES256" => Token(signer, _service.Origin, InOneHour(), algorithm: "ES384"),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        var response = await PostAsync(subscription, $"vapid t={token}, k={_vapidKeys.PublicKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, Assert.Single(_service.Rejections).Reason, StringComparison.Ordinal);
        Assert.Empty(_service.Received);
    }

    [Fact]
    public async Task AMissingAuthorizationIsRefusedWith401()
    {
        var response = await PostAsync(_service.Subscribe(), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("No Authorization header.", Assert.Single(_service.Rejections).Reason);
    }

    [Fact]
    public async Task ATokenFromAnotherApplicationServerKeyIsRefusedWith403WhenTheKeyIsPinned()
    {
        _service.ExpectedVapidPublicKey = WebPushKeys.CreateVapidKeyPair().PublicKey;

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            ForLibrary(_service.Subscribe()), new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("is not the application server key", Assert.Single(_service.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageWithoutTtlIsRefusedWith400()
    {
        using var signer = Signer(_vapidKeys.PrivateKey);

        var response = await PostAsync(
            _service.Subscribe(), $"vapid t={Token(signer, _service.Origin, InOneHour())}, k={_vapidKeys.PublicKey}", ttl: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("TTL header is missing", Assert.Single(_service.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageEncryptedForAnotherSubscriptionIsRefusedWith400()
    {
        var intended = _service.Subscribe();
        var other = _service.Subscribe();
        var misaddressed = ForLibrary(intended);
        misaddressed.Endpoint = other.Endpoint.ToString();

        var refused = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            misaddressed, new PushMessage("not for you"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var rejection = Assert.Single(_service.Rejections);
        Assert.Equal(other.Id, rejection.SubscriptionId);
        Assert.Contains("does not decrypt", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSubscriptionIsAnswered404AndAnUnsubscribedOne410()
    {
        var unknown = ForLibrary(_service.Subscribe());
        unknown.Endpoint = $"{_service.Origin}/push/{Guid.NewGuid():N}";
        var revoked = _service.Subscribe();
        _service.Unsubscribe(revoked);

        var notFound = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            unknown, new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));
        var gone = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            ForLibrary(revoked), new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal([404, 410], _service.Rejections.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(413)]
    [InlineData(500)]
    public async Task AScriptedFailureMakesTheClientThrowWithThatStatus(int status)
    {
        var subscription = _service.Subscribe();
        _service.AnswerFor(subscription, new PushAnswer(status));

        var failure = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            ForLibrary(subscription), new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal(ReasonPhrases.GetReasonPhrase(status), failure.Message); // the response's reason phrase, e.g. "Gone"
        Assert.Equal($"Scripted answer {status}.", failure.Body);
        Assert.Equal(status, Assert.Single(_service.Attempts).StatusCode);
        Assert.Empty(_service.Received);
        Assert.Empty(_service.Rejections);
    }

    [Fact]
    public async Task TheClientRetriesA429AfterRetryAfterByDefault()
    {
        var subscription = _service.Subscribe();
        _service.AnswerNext(subscription, PushAnswer.TooManyRequests(TimeSpan.FromSeconds(1)));

        await Client().RequestPushMessageDeliveryAsync(ForLibrary(subscription), new PushMessage("again"), Vapid(), VapidAuthenticationScheme.Vapid);

        Assert.Equal("again", Assert.Single(await _service.WaitForAsync(1, Patience)).Text);
        Assert.Equal([429, 201], _service.Attempts.Select(a => a.StatusCode));
        var attempts = _service.Attempts;
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "The retry waited Retry-After.");
    }

    [Fact]
    public async Task WithoutAutomaticRetryA429ThrowsWithItsRetryAfter()
    {
        var subscription = _service.Subscribe();
        _service.AnswerFor(subscription, PushAnswer.TooManyRequests(TimeSpan.FromSeconds(30)));
        var client = Client();
        client.AutoRetryAfter = false;

        var failure = await Assert.ThrowsAsync<PushServiceClientException>(() => client.RequestPushMessageDeliveryAsync(
            ForLibrary(subscription), new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AHangingServiceMakesTheClientThrowTaskCanceledWithATimeoutInside()
    {
        var subscription = _service.Subscribe();
        _service.AnswerFor(subscription, PushAnswer.HangFor(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => new PushServiceClient(impatient).RequestPushMessageDeliveryAsync(
            ForLibrary(subscription), new PushMessage("hello"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Empty(_service.Received);
    }

    [Fact]
    public async Task TheLargestPayloadThatFitsA4096ByteBodyRoundTripsAndOneMoreByteIsRefusedWith413()
    {
        // Body = 86-byte header (salt, rs, idlen, sender key) + plaintext + padding delimiter + 16-byte tag.
        const int largest = TestPushService.MaxBodyBytes - 86 - 1 - 16;
        var fits = new string('a', largest - 10) + "ÅåÄäÖ"; // two bytes each in UTF-8
        Assert.Equal(largest, Encoding.UTF8.GetByteCount(fits));
        var subscription = _service.Subscribe();

        await Client().RequestPushMessageDeliveryAsync(ForLibrary(subscription), new PushMessage(fits), Vapid(), VapidAuthenticationScheme.Vapid);
        var tooLarge = await Assert.ThrowsAsync<PushServiceClientException>(() => Client().RequestPushMessageDeliveryAsync(
            ForLibrary(subscription), new PushMessage(fits + "!"), Vapid(), VapidAuthenticationScheme.Vapid));

        Assert.Equal(fits, Assert.Single(await _service.WaitForAsync(1, Patience)).Text);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("larger than 4096 bytes", Assert.Single(_service.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorkedExampleOfRfc8291Section5Decrypts()
    {
        using var subscription = Rfc8291ExampleSubscription();

        Assert.Equal("When I grow up, I want to be a watermelon", subscription.DecryptText(Base64Url.DecodeFromChars(Rfc8291ExampleBody)));
    }

    [Fact]
    public void TheWorkedExampleOfRfc8291WithOneCiphertextBitFlippedDoesNotDecrypt()
    {
        using var subscription = Rfc8291ExampleSubscription();
        var body = Base64Url.DecodeFromChars(Rfc8291ExampleBody);
        body[100] ^= 0x01;

        Assert.Throws<WebPushDecryptionException>(() => subscription.DecryptText(body));
    }

    // RFC 8291 §5 (and Appendix A): the user agent's keys, its auth secret and the message body, as printed there.
    private const string Rfc8291ExampleBody =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" +
        "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT" +
        "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    private static TestPushSubscription Rfc8291ExampleSubscription() => TestPushSubscription.FromKeys(
        new Uri("https://push.example.net/push/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV"),
        privateKey: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
        p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
        auth: "BTBZMqHH6r4Tts7J_aSIgg");

    private static PushServiceClient Client() => new(Http);

    private VapidAuthentication Vapid() => new(_vapidKeys.PublicKey, _vapidKeys.PrivateKey) { Subject = Subject };

    private static PushSubscription ForLibrary(TestPushSubscription subscription) => new()
    {
        Endpoint = subscription.Endpoint.ToString(),
        Keys = new Dictionary<string, string> { ["p256dh"] = subscription.P256dh, ["auth"] = subscription.Auth },
    };

    private static async Task<HttpResponseMessage> PostAsync(TestPushSubscription subscription, string? authorization, string? ttl = "60")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (ttl is not null)
        {
            request.Headers.Add("TTL", ttl);
        }

        return await Http.SendAsync(request);
    }

    private static DateTimeOffset InOneHour() => DateTimeOffset.UtcNow.AddHours(1);

    private static ECDsa Signer(string privateKey)
    {
        var signer = ECDsa.Create();
        signer.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Base64Url.DecodeFromChars(privateKey) });
        return signer;
    }

    /// <summary>A VAPID JWT built by hand (RFC 7515 compact form, ES256 r|s signature), so each claim can be made wrong.</summary>
    private static string Token(ECDsa signer, string audience, DateTimeOffset expires, string? subject = Subject, string algorithm = "ES256")
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = algorithm });
        var claims = JsonSerializer.SerializeToUtf8Bytes(new { aud = audience, exp = expires.ToUnixTimeSeconds(), sub = subject });
        var signed = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(claims)}";
        return $"{signed}.{Base64Url.EncodeToString(signer.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256))}";
    }

    /// <summary>Keeps the signature but changes one claim: a token for an hour becomes one for two.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        var longer = JsonSerializer.SerializeToUtf8Bytes(new { aud = claims["aud"], exp = claims["exp"].GetInt64() + 3600, sub = claims["sub"] });
        return $"{parts[0]}.{Base64Url.EncodeToString(longer)}.{parts[2]}";
    }
}
