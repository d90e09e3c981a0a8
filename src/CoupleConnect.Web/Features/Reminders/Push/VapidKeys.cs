using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>
/// The server's VAPID key pair (RFC 8292), which push services use to know our requests come from the server the
/// browser subscribed with. Read once from a PEM key file or from configuration; null when push is not configured.
/// </summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey)
{
    public static VapidKeys? From(PushOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.VapidKeyFile))
        {
            if (!File.Exists(options.VapidKeyFile))
            {
                throw new InvalidOperationException(
                    $"The VAPID key file {options.VapidKeyFile} does not exist. Create one with " +
                    "'openssl ecparam -name prime256v1 -genkey -noout -out vapid-key.pem' (./run.sh does this in .local/), or unset CoupleConnect:Push:VapidKeyFile.");
            }

            using var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(options.VapidKeyFile));
            return FromParameters(key.ExportParameters(includePrivateParameters: true));
        }

        if (string.IsNullOrWhiteSpace(options.VapidPublicKey) || string.IsNullOrWhiteSpace(options.VapidPrivateKey))
        {
            return null;
        }

        if (Base64Url.DecodeFromChars(options.VapidPublicKey).Length != 65 || Base64Url.DecodeFromChars(options.VapidPrivateKey).Length != 32)
        {
            throw new InvalidOperationException("CoupleConnect:Push:VapidPublicKey must be a 65-byte P-256 point and :VapidPrivateKey a 32-byte scalar, both base64url.");
        }

        return new VapidKeys(options.VapidPublicKey, options.VapidPrivateKey);
    }

    /// <summary>A fresh pair (tests, and a one-off for an operator who prefers configuration to a file).</summary>
    public static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return FromParameters(key.ExportParameters(includePrivateParameters: true));
    }

    private static VapidKeys FromParameters(ECParameters parameters)
    {
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new InvalidOperationException("The VAPID key must be a P-256 (prime256v1) key.");
        }

        byte[] point = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new VapidKeys(Base64Url.EncodeToString(point), Base64Url.EncodeToString(parameters.D!));
    }

    public override string ToString() => $"VapidKeys {{ PublicKey = {PublicKey} }}";
}

/// <summary>Push as configured on this server: the keys when there are any, read once at start-up.</summary>
public sealed class PushConfiguration(IOptions<PushOptions> options)
{
    private readonly Lazy<VapidKeys?> _keys = new(() => VapidKeys.From(options.Value));

    public PushOptions Options => options.Value;

    public VapidKeys? Keys => _keys.Value;

    public bool IsOn => Keys is not null;
}
