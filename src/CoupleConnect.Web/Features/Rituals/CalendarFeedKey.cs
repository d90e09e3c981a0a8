using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Rituals;

/// <summary>
/// A person's secret calendar-feed address. Looked up by the token's SHA-256 (so the index never holds the secret
/// itself); the token is also kept encrypted so the settings page can show the address again. Regenerating replaces
/// it, revoking deletes it: an old address then answers 404. An address belongs to the couple its owner was in when
/// they made it (none, if they were unpaired): it never shows another couple's rituals, and dies with its couple.
/// </summary>
public sealed class CalendarFeedKey
{
    private CalendarFeedKey()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    /// <summary>The couple the address was made in; null when its owner was not in one.</summary>
    public Guid? CoupleId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static CalendarFeedKey NewFor(string userId, Guid? coupleId, DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new CalendarFeedKey { UserId = userId, CoupleId = coupleId, Token = token, TokenHash = Hash(token), CreatedAt = now };
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>Each person's calendar feed address (hashed). Declared here, by the feature that owns it, so the DbContext names no feature.</summary>
public static class CalendarFeedKeyTable
{
    extension(AppDbContext db)
    {
        public DbSet<CalendarFeedKey> CalendarFeedKeys => db.Set<CalendarFeedKey>();
    }
}
