using System.Globalization;
using System.Security.Cryptography;
using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>What a valid unsubscribe link names: exactly one person's one kind of email (for ritual reminders: one ritual's).</summary>
public sealed record UnsubscribeRequest(string UserId, NudgeKind Kind, Guid? RitualId = null);

/// <summary>
/// Signed, expiring unsubscribe tokens (Data Protection: encrypted and authenticated with the app's keys, shared by
/// every instance). One link turns off exactly one kind for exactly one person, and works without signing in, as
/// mail providers' one-click unsubscribe requires (RFC 8058).
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection, TimeProvider timeProvider, IOptions<NudgeOptions> options)
{
    public const string InvalidMessage = "This unsubscribe link isn't valid. It may have been copied incompletely. You can change every reminder in your settings.";
    public const string ExpiredMessage = "This unsubscribe link has expired. You can change every reminder in your settings.";
    public const string UnknownKindMessage = "This link names a kind of email CoupleConnect doesn't send. Nothing was changed; your reminders are in your settings.";

    private const string Version = "v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("CoupleConnect.Nudges.Unsubscribe");

    public string Create(string userId, NudgeKind kind, Guid? ritualId = null)
    {
        if (IsPerRitual(kind) != ritualId.HasValue)
        {
            throw new ArgumentException("Ritual reminders are unsubscribed per ritual; other kinds name no ritual.", nameof(ritualId));
        }

        var expires = timeProvider.GetUtcNow().AddDays(options.Value.UnsubscribeLinkDays).ToUnixTimeSeconds();
        string[] parts = [Version, userId, kind.ToString(), expires.ToString(CultureInfo.InvariantCulture), .. ritualId is { } ritual ? [ritual.ToString("N")] : Array.Empty<string>()];
        return _protector.Protect(string.Join('|', parts));
    }

    public static bool IsPerRitual(NudgeKind kind) => kind is NudgeKind.RitualReminder or NudgeKind.RitualDayBefore;

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
        if (parts.Length is not (4 or 5) || parts[0] != Version || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var expires))
        {
            return ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expires) < timeProvider.GetUtcNow())
        {
            return ServiceResult<UnsubscribeRequest>.Fail(ExpiredMessage);
        }

        if (!Enum.TryParse<NudgeKind>(parts[2], ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(parts[2], out _))
        {
            return ServiceResult<UnsubscribeRequest>.Fail(UnknownKindMessage);
        }

        Guid? ritualId = parts.Length == 5 && Guid.TryParseExact(parts[4], "N", out var ritual) ? ritual : null;
        return IsPerRitual(kind) == ritualId.HasValue && (parts.Length == 5) == ritualId.HasValue
            ? ServiceResult<UnsubscribeRequest>.Ok(new UnsubscribeRequest(parts[1], kind, ritualId))
            : ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
    }
}
