using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Domain.Couples;

/// <summary>
/// The two ways to accept one invite: a link token (256 random bits, base64url) and a human code (8 characters from
/// an alphabet without look-alikes: no 0/O, 1/I/L). Only their SHA-256 hashes are used to find an invite.
/// </summary>
public sealed record InviteSecret(string Token, string Code)
{
    public const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int CodeLength = 8;
    private const int TokenBytes = 32;

    public static InviteSecret Generate()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var code = new string(Enumerable.Range(0, CodeLength).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray());
        return new InviteSecret(token, code);
    }

    public string TokenHash => HashToken(Token);

    public string CodeHash => HashCode(Code);

    /// <summary>"ABCD EFGH": two groups read aloud or typed more easily.</summary>
    public static string FormatCode(string code) => code.Length == CodeLength ? $"{code[..4]} {code[4..]}" : code;

    public static string HashToken(string token) => Sha256("token:" + token);

    public static string HashCode(string normalizedCode) => Sha256("code:" + normalizedCode);

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

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
