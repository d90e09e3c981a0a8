using System.Globalization;
using System.Security.Cryptography;
using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>What a valid unsubscribe link names: exactly one person's one kind of email.</summary>
public sealed record UnsubscribeRequest(string UserId, NudgeKind Kind);

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

    public string Create(string userId, NudgeKind kind)
    {
        var expires = timeProvider.GetUtcNow().AddDays(options.Value.UnsubscribeLinkDays).ToUnixTimeSeconds();
        return _protector.Protect(string.Join('|', Version, userId, kind.ToString(), expires.ToString(CultureInfo.InvariantCulture)));
    }

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
        if (parts.Length != 4 || parts[0] != Version || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var expires))
        {
            return ServiceResult<UnsubscribeRequest>.Fail(InvalidMessage);
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expires) < timeProvider.GetUtcNow())
        {
            return ServiceResult<UnsubscribeRequest>.Fail(ExpiredMessage);
        }

        return Enum.TryParse<NudgeKind>(parts[2], ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !int.TryParse(parts[2], out _)
            ? ServiceResult<UnsubscribeRequest>.Ok(new UnsubscribeRequest(parts[1], kind))
            : ServiceResult<UnsubscribeRequest>.Fail(UnknownKindMessage);
    }
}
