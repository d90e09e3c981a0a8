using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>How someone holds an invite: the link's token or the typed code. Both find the same invite.</summary>
public sealed record InviteKey
{
    private InviteKey(string hash, bool isCode)
    {
        Hash = hash;
        IsCode = isCode;
    }

    public string Hash { get; }

    public bool IsCode { get; }

    public static InviteKey? FromToken(string? token) =>
        InviteSecret.LooksLikeToken(token) ? new InviteKey(InviteSecret.HashToken(token!), isCode: false) : null;

    public static InviteKey? FromCode(string? typed, InviteCodeKey codeKey, out string? problem) =>
        InviteSecret.TryNormalizeCode(typed, out var code, out problem) ? new InviteKey(InviteSecret.HashCode(code, codeKey.Value), isCode: true) : null;
}

/// <summary>
/// The server-side key for hashing invite codes (HMAC), derived from the encryption key. Rotating the encryption key
/// changes it: codes issued in the 72 hours before a rotation stop matching, their links keep working.
/// </summary>
public sealed class InviteCodeKey(Infrastructure.Security.FieldEncryptor encryptor)
{
    public byte[] Value { get; } = encryptor.DeriveSubkey("coupleconnect:invite-codes:v1");
}
