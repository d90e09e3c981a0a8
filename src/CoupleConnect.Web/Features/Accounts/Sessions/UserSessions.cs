using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CoupleConnect.Web.Features.Accounts.Sessions;

/// <summary>A signed-in browser as its owner sees it in their settings.</summary>
public sealed record UserSessionView(Guid Id, string Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool IsThisDevice);

/// <summary>
/// The server's record of who is signed in where (docs/adr/0018). Every request's cookie and every open circuit is
/// checked against it, so ending a session here signs that browser out on its next request or within a minute.
/// </summary>
public sealed class UserSessions(IDbContextFactory<AppDbContext> contextFactory, IMemoryCache cache, TimeProvider timeProvider)
{
    /// <summary>Last seen is written at most this often per session: the list needs the day and hour, not the second.</summary>
    public static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one instance trusts its own answer "this session is active" (static files and page loads come in
    /// bursts). Ending a session forgets that answer on this instance at once; another instance may lag this long.
    /// </summary>
    public static readonly TimeSpan ActiveAnswerLifetime = TimeSpan.FromSeconds(15);

    /// <summary>A session nobody used for this long is over: the cookie has expired by then anyway (sliding 14 days).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromDays(14);

    public async Task<Guid> StartAsync(string userId, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,

            // A session starts with a sign-in that just checked a password, a second factor or a passkey: that is proof.
            IdentityConfirmedAt = now,
            Device = DeviceDescription.FromUserAgent(userAgent),
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>True while the session belongs to the user and is neither ended nor idle too long; notes it as seen.</summary>
    public async Task<bool> IsActiveAsync(string userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        if (cache.TryGetValue(CacheKey(sessionId), out ActiveSession? known) && known!.UserId == userId && now - known.LastSeenAt < LastSeenGranularity)
        {
            return true;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<UserSession>().AsNoTracking()
            .Where(row => row.Id == sessionId && row.UserId == userId && row.RevokedAt == null)
            .Select(row => new { row.LastSeenAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null || now - session.LastSeenAt >= IdleLimit)
        {
            cache.Remove(CacheKey(sessionId));
            return false;
        }

        var lastSeen = session.LastSeenAt;
        if (now - lastSeen >= LastSeenGranularity)
        {
            lastSeen = now;
            await db.Set<UserSession>().Where(row => row.Id == sessionId)
                .ExecuteUpdateAsync(update => update.SetProperty(row => row.LastSeenAt, now), cancellationToken);
        }

        cache.Set(CacheKey(sessionId), new ActiveSession(userId, lastSeen), ActiveAnswerLifetime);
        return true;
    }

    /// <summary>The user's active sessions, most recently seen first.</summary>
    public async Task<IReadOnlyList<UserSessionView>> ListAsync(string userId, Guid? currentSessionId, CancellationToken cancellationToken = default)
    {
        var idleSince = timeProvider.GetUtcNow() - IdleLimit;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Set<UserSession>().AsNoTracking()
            .Where(row => row.UserId == userId && row.RevokedAt == null && row.LastSeenAt > idleSince)
            .OrderByDescending(row => row.LastSeenAt)
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(row => new UserSessionView(row.Id, row.Device, row.CreatedAt, row.LastSeenAt, row.Id == currentSessionId))];
    }

    /// <summary>Ends one of the user's own sessions (someone else's id changes nothing); true when one was active.</summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ended = await db.Set<UserSession>()
            .Where(row => row.Id == sessionId && row.UserId == userId && row.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.RevokedAt, now), cancellationToken);
        cache.Remove(CacheKey(sessionId));
        return ended > 0;
    }

    /// <summary>Ends every session of the user but <paramref name="keep"/> (all of them when it is null); returns how many.</summary>
    public async Task<int> EndAllExceptAsync(string userId, Guid? keep, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ending = db.Set<UserSession>().Where(row => row.UserId == userId && row.RevokedAt == null && row.Id != keep);
        var ids = await ending.Select(row => row.Id).ToListAsync(cancellationToken);
        var ended = await ending.ExecuteUpdateAsync(update => update.SetProperty(row => row.RevokedAt, now), cancellationToken);
        foreach (var id in ids)
        {
            cache.Remove(CacheKey(id));
        }

        return ended;
    }

    /// <summary>Notes that the person just proved it's them in this session (password or passkey).</summary>
    public async Task ConfirmIdentityAsync(string userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<UserSession>()
            .Where(row => row.Id == sessionId && row.UserId == userId && row.RevokedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.IdentityConfirmedAt, now), cancellationToken);
    }

    /// <summary>True when the person proved it's them in this session within the last <paramref name="window"/>.</summary>
    public async Task<bool> IdentityConfirmedWithinAsync(string userId, Guid sessionId, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var since = timeProvider.GetUtcNow() - window;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserSession>().AnyAsync(
            row => row.Id == sessionId && row.UserId == userId && row.RevokedAt == null && row.IdentityConfirmedAt > since,
            cancellationToken);
    }

    private static string CacheKey(Guid sessionId) => $"user-session:{sessionId:N}";

    private sealed record ActiveSession(string UserId, DateTimeOffset LastSeenAt);
}
