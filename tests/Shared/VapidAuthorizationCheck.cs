using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoupleConnect.Tests.Shared;

/// <summary>Which header form carried the VAPID token.</summary>
public enum VapidScheme
{
    /// <summary>RFC 8292: <c>Authorization: vapid t=&lt;jwt&gt;, k=&lt;key&gt;</c>.</summary>
    Vapid,

    /// <summary>The older draft form: <c>Authorization: WebPush &lt;jwt&gt;</c> with <c>Crypto-Key: p256ecdsa=&lt;key&gt;</c>.</summary>
    WebPush,
}

/// <summary>A token that passed: who signed it and how it came.</summary>
public sealed record VapidIdentity(VapidScheme Scheme, string PublicKey, string Subject, string Audience, DateTimeOffset ExpiresAt);

/// <summary>A token that did not pass, with the HTTP status a push service answers and the reason in words.</summary>
public sealed record VapidFailure(int StatusCode, string Reason);

/// <summary>
/// Checks a push request's VAPID authorization as a push service does (RFC 8292): ES256 signature by the key in the
/// header, aud = the endpoint's origin, exp in the future but at most 24 hours ahead, sub a mailto: or https: contact.
/// </summary>
public static class VapidAuthorizationCheck
{
    private static readonly TimeSpan LongestValidity = TimeSpan.FromHours(24);

    /// <summary>Returns the identity, or a failure when the token is missing, malformed, badly signed or wrongly claimed.</summary>
    /// <param name="acceptedAudiences">The endpoint's origin, and any other aud a test chooses to tolerate.</param>
    /// <param name="expectedPublicKey">When set, the key must be this one (base64url), as for a subscription made with applicationServerKey.</param>
    public static (VapidIdentity? Identity, VapidFailure? Failure) Check(
        string? authorization, string? cryptoKey, IReadOnlyCollection<string> acceptedAudiences, DateTimeOffset now, string? expectedPublicKey)
    {
        if (!TryReadHeaders(authorization, cryptoKey, out var scheme, out var token, out var key, out var headerProblem))
        {
            return (null, new VapidFailure(401, headerProblem));
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, new VapidFailure(401, "The VAPID token is not a JWT of three dot-separated parts."));
        }

        JsonElement header, claims;
        byte[] publicKey, signature;
        try
        {
            header = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[0]));
            claims = JsonSerializer.Deserialize<JsonElement>(Base64Url.DecodeFromChars(parts[1]));
            signature = Base64Url.DecodeFromChars(parts[2]);
            publicKey = Base64Url.DecodeFromChars(key);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return (null, new VapidFailure(401, $"The VAPID token or key is not valid base64url JSON: {ex.Message}"));
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.GetString() != "ES256")
        {
            return (null, new VapidFailure(401, "The VAPID token's alg is not ES256."));
        }

        if (!SignatureHolds(publicKey, $"{parts[0]}.{parts[1]}", signature, out var signatureProblem))
        {
            return (null, new VapidFailure(401, signatureProblem));
        }

        var audience = StringClaim(claims, "aud");
        if (audience is null || !acceptedAudiences.Contains(audience))
        {
            return (null, new VapidFailure(401, $"The VAPID token's aud is '{audience}', not the endpoint's origin '{acceptedAudiences.First()}'."));
        }

        if (!claims.TryGetProperty("exp", out var expClaim) || expClaim.ValueKind != JsonValueKind.Number || !expClaim.TryGetInt64(out var exp))
        {
            return (null, new VapidFailure(401, "The VAPID token has no numeric exp claim."));
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (expiresAt <= now)
        {
            return (null, new VapidFailure(401, $"The VAPID token expired at {expiresAt:O} (now {now:O})."));
        }

        if (expiresAt > now + LongestValidity)
        {
            return (null, new VapidFailure(401, $"The VAPID token's exp {expiresAt:O} is more than 24 hours after now ({now:O})."));
        }

        var subject = StringClaim(claims, "sub");
        if (subject is null
            || !(subject.StartsWith("mailto:", StringComparison.Ordinal) || subject.StartsWith("https:", StringComparison.Ordinal)))
        {
            return (null, new VapidFailure(401, $"The VAPID token's sub '{subject}' is not a mailto: or https: contact."));
        }

        // RFC 8292 §4.2: a subscription bound to an application server key only takes that key's messages.
        if (expectedPublicKey is not null && key != expectedPublicKey)
        {
            return (null, new VapidFailure(403, $"The VAPID key '{key}' is not the application server key '{expectedPublicKey}'."));
        }

        return (new VapidIdentity(scheme, key, subject, audience, expiresAt), null);
    }

    private static bool TryReadHeaders(
        string? authorization, string? cryptoKey, out VapidScheme scheme, out string token, out string key, out string problem)
    {
        scheme = VapidScheme.Vapid;
        token = key = problem = "";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            problem = "No Authorization header.";
            return false;
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var schemeName = space < 0 ? authorization : authorization[..space];
        var rest = space < 0 ? "" : authorization[(space + 1)..].Trim();
        if (schemeName.Equals("vapid", StringComparison.OrdinalIgnoreCase))
        {
            var parameters = Parameters(rest, ',');
            token = parameters.GetValueOrDefault("t", "");
            key = parameters.GetValueOrDefault("k", "");
            problem = "The vapid Authorization header lacks t= or k=.";
            return token.Length > 0 && key.Length > 0;
        }

        if (schemeName.Equals("WebPush", StringComparison.OrdinalIgnoreCase))
        {
            scheme = VapidScheme.WebPush;
            token = rest;
            // Crypto-Key may also carry dh=… for the old aesgcm encoding; entries are separated by ';' or ','.
            key = Parameters(cryptoKey ?? "", ';', ',').GetValueOrDefault("p256ecdsa", "");
            problem = "The WebPush Authorization header needs a token and a Crypto-Key header with p256ecdsa=.";
            return token.Length > 0 && key.Length > 0;
        }

        problem = $"The Authorization scheme '{schemeName}' is neither vapid nor WebPush.";
        return false;
    }

    private static Dictionary<string, string> Parameters(string text, params char[] separators)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                // Only the first '=' separates: base64url has none, but a padded value might.
                result[part[..equals].Trim()] = part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return result;
    }

    private static bool SignatureHolds(byte[] publicKey, string signedPart, byte[] signature, out string problem)
    {
        problem = "";
        try
        {
            using var ecdsa = WebPushKeys.ImportP256PublicKey(publicKey, ECDsa.Create);
            // JWS ES256 signatures are r|s, 64 bytes: the IEEE P1363 format .NET verifies by default.
            if (signature.Length == 64 && ecdsa.VerifyData(Encoding.ASCII.GetBytes(signedPart), signature, HashAlgorithmName.SHA256))
            {
                return true;
            }

            problem = "The VAPID token's ES256 signature does not verify with the key in the header.";
            return false;
        }
        catch (CryptographicException ex)
        {
            problem = $"The VAPID key is not a P-256 public key: {ex.Message}";
            return false;
        }
    }

    private static string? StringClaim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
