using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// A person's secret calendar-feed address. Looked up by the token's SHA-256 (so the index never holds the secret
/// itself); the token is also kept encrypted so the settings page can show the address again. Regenerating replaces
/// it, revoking deletes it: an old address then answers 404.
/// </summary>
public sealed class CalendarFeedKey
{
    private CalendarFeedKey()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static CalendarFeedKey NewFor(string userId, DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new CalendarFeedKey { UserId = userId, Token = token, TokenHash = Hash(token), CreatedAt = now };
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
