using CoupleConnect.Domain.Accounts;
using CoupleConnect.Domain.Common;
using CoupleConnect.Web.Features.Accounts.Theme;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Features.Accounts;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>IANA id; every "today" and reminder time for this user is computed in it.</summary>
    [PersonalData]
    public string TimeZoneId { get; set; } = Domain.Common.TimeZoneId.Utc.Value;

    [PersonalData]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the mail server refused this address for good: no reminders until the person fixes or retries it.</summary>
    public DateTimeOffset? EmailBouncedAt { get; set; }

    /// <summary>Light, dark, or whatever the device is set to: the person's choice on every device they sign in on.</summary>
    [PersonalData]
    public ThemeChoice ThemeChoice { get; set; }

    public static int DisplayNameMaxLength => Domain.Accounts.DisplayName.MaxLength;

    public static int TimeZoneIdMaxLength => Domain.Common.TimeZoneId.MaxLength;
}
