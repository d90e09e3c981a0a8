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

    /// <summary>
    /// Every email's subject and preview say nothing personal (no names), for a shared inbox or a lock screen someone
    /// else sees. The person's own choice: at sign-up or in reminder settings (docs/adr/0037).
    /// </summary>
    [PersonalData]
    public bool DiscreetEmails { get; set; }

    /// <summary>When the email address last changed (set by AccountChanges); null until it first does.</summary>
    public DateTimeOffset? EmailChangedAt { get; set; }

    /// <summary>When the password was last changed or reset (set by AccountChanges); null until it first is.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    public static int DisplayNameMaxLength => Domain.Accounts.DisplayName.MaxLength;

    public static int TimeZoneIdMaxLength => Domain.Common.TimeZoneId.MaxLength;
}
