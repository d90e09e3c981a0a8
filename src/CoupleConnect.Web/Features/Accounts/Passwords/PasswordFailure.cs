using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Recent wrong passwords per account and client. Declared here, by the feature that owns it, so the DbContext names no feature.</summary>
public static class PasswordFailureTable
{
    extension(AppDbContext db)
    {
        public DbSet<PasswordFailure> PasswordFailures => db.Set<PasswordFailure>();
    }
}
