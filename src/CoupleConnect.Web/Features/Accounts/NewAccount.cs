namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// An account whose address is already known to be its owner's: the demo couple and test fixtures. People sign up
/// through <see cref="AccountLifecycle.RegisterAsync"/>, which confirms the address by email instead.
/// </summary>
public sealed record NewAccount(string Email, string DisplayName, string TimeZoneId, string Password)
{
    /// <summary>When the account began; now unless a seeder writes history that starts earlier.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
