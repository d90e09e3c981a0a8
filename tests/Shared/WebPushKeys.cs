using System.Buffers.Text;
using System.Security.Cryptography;

namespace CoupleConnect.Tests.Shared;

/// <summary>P-256 keys in the shapes Web Push uses: base64url, public keys as 65-byte uncompressed points.</summary>
public static class WebPushKeys
{
    /// <summary>A fresh VAPID key pair as Lib.Net.Http.WebPush's VapidAuthentication wants it: (65-byte public point, 32-byte private scalar), both base64url.</summary>
    public static (string PublicKey, string PrivateKey) CreateVapidKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString(Uncompressed(parameters.Q)), Base64Url.EncodeToString(parameters.D!));
    }

    /// <summary>The public half of <paramref name="key"/> as 0x04 | X | Y.</summary>
    public static byte[] ExportUncompressedPublicKey(AsymmetricAlgorithm key)
    {
        var point = key switch
        {
            ECDiffieHellman ecdh => ecdh.ExportParameters(includePrivateParameters: false).Q,
            ECDsa ecdsa => ecdsa.ExportParameters(includePrivateParameters: false).Q,
            _ => throw new ArgumentException("Not an elliptic-curve key.", nameof(key)),
        };
        return Uncompressed(point);
    }

    /// <summary>Imports a 65-byte uncompressed P-256 point as ECDH or ECDSA public key (pass ECDiffieHellman.Create or ECDsa.Create).</summary>
    /// <exception cref="CryptographicException">The bytes are not an uncompressed P-256 point.</exception>
    public static T ImportP256PublicKey<T>(ReadOnlySpan<byte> uncompressedPoint, Func<ECParameters, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (uncompressedPoint.Length != 65 || uncompressedPoint[0] != 0x04)
        {
            throw new CryptographicException($"Expected a 65-byte uncompressed P-256 point, got {uncompressedPoint.Length} bytes.");
        }

        return create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = uncompressedPoint[1..33].ToArray(), Y = uncompressedPoint[33..].ToArray() },
        });
    }

    private static byte[] Uncompressed(ECPoint point) => [0x04, .. point.X!, .. point.Y!];
}
