namespace CoupleConnect.Web.Features.Accounts.Passwords;

/// <summary>
/// One wrong password for an account from one client. Both are keyed hashes: the table names neither the address typed
/// (which may belong to nobody) nor the client's IP.
/// </summary>
public sealed class PasswordFailure
{
    public long Id { get; init; }

    public required string AccountKey { get; init; }

    public required string ClientKey { get; init; }

    public DateTimeOffset FailedAt { get; init; }
}
