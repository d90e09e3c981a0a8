using System.Globalization;
using System.Security.Cryptography;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// What a valid unsubscribe link names: exactly one person's one kind of email (for ritual reminders: one ritual's), and
/// the couple the person was in when it was sent (null: none). The link works only while they are still in that couple.
/// </summary>
public sealed record UnsubscribeRequest(string UserId, Guid? CoupleId, ReminderKind Kind, Guid? RitualId = null);

/// <summary>
/// Signed, expiring unsubscribe tokens (Data Protection: encrypted and authenticated with the app's keys, shared by
/// every instance). One link turns off exactly one kind for exactly one person, and works without signing in, as
/// mail providers' one-click unsubscribe requires (RFC 8058). Each names the couple it was sent in, so it dies with the
/// couple (ADR 0015); links from before that (v1) name none and are no longer accepted.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection, TimeProvider timeProvider, IOptions<ReminderOptions> options)
{
    public const string InvalidMessage = "This unsubscribe link isn't valid. It may have been copied incompletely. You can change every reminder in your settings.";
    public const string ExpiredMessage = "This unsubscribe link has expired. You can change every reminder in your settings.";
    public const string UnknownKindMessage = "This link names a kind of email CoupleConnect doesn't send. Nothing was changed; your reminders are in your settings.";
    public const string OutdatedMessage = "This unsubscribe link is from an older email and no longer works. Nothing was changed; sign in to change any reminder in your settings.";

    private const string Version = "v2";
    private const string OutdatedVersion = "v1";
    private const string NoCouple = "-";

    // The purpose keeps the engine's former name: unsubscribe links already in people's inboxes must keep working.
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CoupleConnect.Nudges.Unsubscribe");

    public string Create(string userId, Guid? coupleId, ReminderKind kind, Guid? ritualId = null)
    {
        if (IsPerRitual(kind) != ritualId.HasValue)
        {
            throw new ArgumentException("Ritual reminders are unsubscribed per ritual; other kinds name no ritual.", nameof(ritualId));
        }

        var expires = timeProvider.GetUtcNow().AddDays(options.Value.UnsubscribeLinkDays).ToUnixTimeSeconds();
        string[] parts =
        [
            Version,
            userId,
            kind.ToString(),
            expires.ToString(CultureInfo.InvariantCulture),
            coupleId?.ToString("N") ?? NoCouple,
            .. ritualId is { } ritual ? [ritual.ToString("N")] : Array.Empty<string>(),
        ];
        return _protector.Protect(string.Join('|', parts));
    }

    public static bool IsPerRitual(ReminderKind kind) => kind is ReminderKind.RitualReminder or ReminderKind.RitualDayBefore;

    public ServiceResult<UnsubscribeRequest> Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            // Tampered, truncated, or signed by another installation's keys.
            return ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
        }

        var parts = payload.Split('|');
        if (parts[0] == OutdatedVersion)
        {
            // Signed by us, but from before links named their couple: it cannot be told which couple it was sent in.
            return ServiceResult<UnsubscribeRequest>.Fail(OutdatedMessage);
        }

        if (parts.Length is not (5 or 6) || parts[0] != Version || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var expires)
            || !TryReadCouple(parts[4], out var coupleId))
        {
            return ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expires) < timeProvider.GetUtcNow())
        {
            return ServiceResult<UnsubscribeRequest>.Fail(ExpiredMessage);
        }

        if (!Enum.TryParse<ReminderKind>(parts[2], ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(parts[2], out _))
        {
            return ServiceResult<UnsubscribeRequest>.Fail(UnknownKindMessage);
        }

        Guid? ritualId = parts.Length == 6 && Guid.TryParseExact(parts[5], "N", out var ritual) ? ritual : null;
        return IsPerRitual(kind) == ritualId.HasValue && (parts.Length == 6) == ritualId.HasValue
            ? ServiceResult<UnsubscribeRequest>.Ok(new UnsubscribeRequest(parts[1], coupleId, kind, ritualId))
            : ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
    }

    private static bool TryReadCouple(string part, out Guid? coupleId)
    {
        coupleId = null;
        if (part == NoCouple)
        {
            return true;
        }

        if (Guid.TryParseExact(part, "N", out var couple))
        {
            coupleId = couple;
            return true;
        }

        return false;
    }
}
