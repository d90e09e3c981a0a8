namespace CoupleConnect.Web.Features.Accounts.Passwords;

/// <summary>The lockout policy of docs/adr/0019-lockout-by-account-and-client.md.</summary>
public sealed class PasswordAttemptOptions
{
    public const string SectionName = "CoupleConnect:Passwords";

    /// <summary>Wrong passwords for one account from one client within <see cref="LockoutMinutes"/> that pause that client.</summary>
    public int FailuresPerClient { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Password checks per account per minute from all clients together, so one account's hashing cost is bounded.</summary>
    public int ChecksPerAccountPerMinute { get; set; } = 30;

    /// <summary>Password hashes computed at once on this instance; more wait their turn instead of starving the CPU.</summary>
    public int ConcurrentChecks { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
