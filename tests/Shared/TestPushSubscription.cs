using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// What a browser's PushManager.subscribe() hands the app: an endpoint on the (test) push service, the "p256dh" public
/// key and the "auth" secret. Unlike the browser's, this one keeps the private key so tests can read what was sent.
/// </summary>
public sealed class TestPushSubscription : IDisposable
{
    private readonly ECDiffieHellman _key;
    private readonly byte[] _authSecret;

    internal TestPushSubscription(string id, Uri endpoint)
        : this(id, endpoint, ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256), RandomNumberGenerator.GetBytes(16))
    {
    }

    private TestPushSubscription(string id, Uri endpoint, ECDiffieHellman key, byte[] authSecret)
    {
        Id = id;
        Endpoint = endpoint;
        _key = key;
        _authSecret = authSecret;
        P256dh = Base64Url.EncodeToString(WebPushKeys.ExportUncompressedPublicKey(key));
        Auth = Base64Url.EncodeToString(authSecret);
    }

    /// <summary>The last path segment of <see cref="Endpoint"/>.</summary>
    public string Id { get; }

    /// <summary>Where the sender POSTs, e.g. http://127.0.0.1:40123/push/3f2a….</summary>
    public Uri Endpoint { get; }

    /// <summary>The subscriber's P-256 public key, uncompressed point, base64url (keys.p256dh in the browser's JSON).</summary>
    public string P256dh { get; }

    /// <summary>The 16-byte authentication secret, base64url (keys.auth in the browser's JSON).</summary>
    public string Auth { get; }

    /// <summary>
    /// A subscription from known keys, e.g. the RFC 8291 example, not served by any <see cref="TestPushService"/>.
    /// <paramref name="privateKey"/> is the 32-byte scalar, base64url.
    /// </summary>
    public static TestPushSubscription FromKeys(Uri endpoint, string privateKey, string p256dh, string auth)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var publicPoint = Base64Url.DecodeFromChars(p256dh);
        var key = WebPushKeys.ImportP256PublicKey(publicPoint, parameters =>
        {
            parameters.D = Base64Url.DecodeFromChars(privateKey);
            return ECDiffieHellman.Create(parameters);
        });
        return new TestPushSubscription(endpoint.Segments[^1], endpoint, key, Base64Url.DecodeFromChars(auth));
    }

    /// <summary>Decrypts an aes128gcm body sent to this subscription (RFC 8291) into its plaintext bytes.</summary>
    /// <exception cref="WebPushDecryptionException">The body is malformed or was not encrypted for this subscription.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> body) => WebPushPayloadDecryption.Decrypt(_key, _authSecret, body);

    /// <summary>Decrypts an aes128gcm body sent to this subscription and reads it as UTF-8.</summary>
    public string DecryptText(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(Decrypt(body));

    public void Dispose() => _key.Dispose();
}
