using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Domain.Couples;

/// <summary>
/// The two ways to accept one invite: a link token (256 random bits, base64url) and a human code (8 characters from
/// an alphabet without look-alikes: no 0/O, 1/I/L). Only hashes find an invite: SHA-256 for the token, and for the
/// short code an HMAC with a server-side key, so a leaked database can't be brute-forced back to live codes.
/// </summary>
public sealed class InviteSecret
{
    private InviteSecret(string token, string code, string codeHash)
    {
        Token = token;
        Code = code;
        CodeHash = codeHash;
    }

    public string Token { get; }

    public string Code { get; }

    public string CodeHash { get; }

    public const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int CodeLength = 8;
    private const int TokenBytes = 32;

    public static InviteSecret Generate(byte[] codeKey)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var code = new string(Enumerable.Range(0, CodeLength).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray());
        return new InviteSecret(token, code, HashCode(code, codeKey));
    }

    public string TokenHash => HashToken(Token);

    /// <summary>Never prints the secrets: a stray log line must not expose a live invite.</summary>
    public override string ToString() => "InviteSecret { Token = ***, Code = *** }";

    /// <summary>"ABCD EFGH": two groups read aloud or typed more easily.</summary>
    public static string FormatCode(string code) => code.Length == CodeLength ? $"{code[..4]} {code[4..]}" : code;

    public static string HashToken(string token) => Sha256("token:" + token);

    public static string HashCode(string normalizedCode, byte[] codeKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(codeKey, Encoding.UTF8.GetBytes("code:" + normalizedCode)));

    /// <summary>Accepts what people type: any case, spaces or dashes. Refuses anything that can't be a code.</summary>
    public static bool TryNormalizeCode(string? typed, out string code, out string? problem)
    {
        code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        problem = null;
        if (code.Length == 0)
        {
            problem = "Please enter the 8-character code from your partner.";
        }
        else if (code.Length != CodeLength)
        {
            problem = $"An invite code has {CodeLength} characters; this one has {code.Length}.";
        }
        else if (code.Any(c => !CodeAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            problem = "Invite codes use the letters A–Z and digits 2–9 only (no O, I, L, 0 or 1). Check for a typo.";
        }

        return problem is null;
    }

    /// <summary>Tokens in links are 43 base64url characters; anything else is refused before any lookup.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
