namespace CoupleConnect.Web.Features.Accounts;

/// <summary>What the registration form posts. Static SSR binds it, so it is a plain mutable class.</summary>
public sealed class RegisterInput
{
    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;

    /// <summary>Emails whose subject and preview say nothing personal, from the very first (the confirmation email).</summary>
    public bool DiscreetEmails { get; set; }
}
