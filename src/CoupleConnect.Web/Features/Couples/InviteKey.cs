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

    public static InviteKey? FromCode(string? typed, out string? problem) =>
        InviteSecret.TryNormalizeCode(typed, out var code, out problem) ? new InviteKey(InviteSecret.HashCode(code), isCode: true) : null;
}
