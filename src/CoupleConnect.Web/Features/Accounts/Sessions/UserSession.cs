using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Accounts.Sessions;

/// <summary>
/// One signed-in browser. Its id travels in the auth cookie (<see cref="SessionClaims.SessionId"/>); the cookie is only
/// good while this row is neither revoked nor stale, so ending a session here ends it everywhere at once.
/// </summary>
public sealed class UserSession
{
    public const int DeviceMaxLength = 80;

    public Guid Id { get; init; }

    public required string UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Updated at most every <see cref="UserSessions.LastSeenGranularity"/>, so a busy browser costs no writes.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The browser and system in plain words, e.g. "Chrome on Android" (<see cref="DeviceDescription"/>).</summary>
    public required string Device { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the person last proved it's them in this session (password or passkey), for sensitive changes.</summary>
    public DateTimeOffset? IdentityConfirmedAt { get; set; }
}

/// <summary>Each sign-in's server-side session. Declared here, by the feature that owns it, so the DbContext names no feature.</summary>
public static class UserSessionTable
{
    extension(AppDbContext db)
    {
        public DbSet<UserSession> UserSessions => db.Set<UserSession>();
    }
}
