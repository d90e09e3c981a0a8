using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts.Sessions;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Reminders.Push;

/// <summary>The one rule for which devices still take notifications: those whose sign-in was not ended (signing out, "sign out everywhere").</summary>
internal static class PushDeviceQueries
{
    /// <summary>As SQL, for the outbox's set-based writes (<c>d</c> is push_devices).</summary>
    public const string LiveSql = "NOT EXISTS (SELECT 1 FROM user_sessions s WHERE s.id = d.session_id AND s.revoked_at IS NOT NULL)";

    public static IQueryable<PushDevice> Live(AppDbContext db) =>
        db.PushDevices.Where(device => device.SessionId == null || !db.Set<UserSession>().Any(session => session.Id == device.SessionId && session.RevokedAt != null));

    public static IQueryable<PushDevice> Ended(AppDbContext db) =>
        db.PushDevices.Where(device => device.SessionId != null && db.Set<UserSession>().Any(session => session.Id == device.SessionId && session.RevokedAt != null));
}
