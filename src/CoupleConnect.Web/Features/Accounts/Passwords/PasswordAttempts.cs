using System.Net;
using System.Threading.RateLimiting;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Features.Accounts.Passwords;

/// <summary>What came of trying a password: the check's own result, or a refusal before any hashing.</summary>
public sealed record PasswordAttempt<T>(T? Result, DateTimeOffset? RefusedUntil)
{
    public bool Refused => RefusedUntil is not null;
}

/// <summary>
/// The one gate every password check passes (sign-in, change password, delete account, re-authentication). Wrong
/// passwords pause only the client that typed them, for that account: a stranger cannot lock the owner out, and a
/// passkey always works. Checks per account and hashes at once are bounded, so hashing cost cannot exhaust the CPU.
/// </summary>
public sealed class PasswordAttempts : IDisposable
{
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly PasswordAttemptOptions _options;
    private readonly KeyedHash _hash;
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly SemaphoreSlim _hashing;

    public PasswordAttempts(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, FieldEncryptor encryptor, IOptions<PasswordAttemptOptions> options)
    {
        _dbFactory = dbFactory;
        _time = time;
        _options = options.Value;
        _hash = KeyedHash.For(encryptor, "password-attempts");
        _hashing = new SemaphoreSlim(_options.ConcurrentChecks);
        _perAccount = PerMinuteLimiter.Create(_options.ChecksPerAccountPerMinute);
    }

    /// <summary>
    /// Runs <paramref name="check"/> unless this client is paused for this account; records a failure when
    /// <paramref name="wasWrongPassword"/> says the password was wrong, and clears the client's failures on success.
    /// </summary>
    public async Task<PasswordAttempt<T>> TryAsync<T>(
        string account, IPAddress? client, Func<Task<T>> check, Func<T, bool> wasWrongPassword, Func<T, bool> succeeded, CancellationToken cancellationToken = default)
    {
        var accountKey = _hash.Of("account:" + account.Trim().ToUpperInvariant());
        var clientKey = _hash.Of("client:" + ClientAddress.KeyOf(client));
        var now = _time.GetUtcNow();

        if (!_perAccount.TryAcquire(accountKey))
        {
            return new PasswordAttempt<T>(default, now.AddMinutes(1));
        }

        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var since = now.AddMinutes(-_options.LockoutMinutes);
            var recent = await db.PasswordFailures
                .Where(failure => failure.AccountKey == accountKey && failure.ClientKey == clientKey && failure.FailedAt > since)
                .OrderByDescending(failure => failure.FailedAt)
                .Select(failure => failure.FailedAt)
                .Take(_options.FailuresPerClient)
                .ToListAsync(cancellationToken);
            if (recent.Count >= _options.FailuresPerClient)
            {
                return new PasswordAttempt<T>(default, recent[^1].AddMinutes(_options.LockoutMinutes));
            }
        }

        T result;
        await _hashing.WaitAsync(cancellationToken);
        try
        {
            result = await check();
        }
        finally
        {
            _hashing.Release();
        }

        await RecordAsync(accountKey, clientKey, now, wasWrongPassword(result), succeeded(result), cancellationToken);
        return new PasswordAttempt<T>(result, null);
    }

    public void Dispose()
    {
        _perAccount.Dispose();
        _hashing.Dispose();
    }

    private async Task RecordAsync(string accountKey, string clientKey, DateTimeOffset now, bool wrong, bool succeeded, CancellationToken cancellationToken)
    {
        if (!wrong && !succeeded)
        {
            return;
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        if (succeeded)
        {
            await db.PasswordFailures.Where(failure => failure.AccountKey == accountKey && failure.ClientKey == clientKey).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        // Old rows of this account go as new ones arrive, so the table never outgrows a day of failures.
        var dayAgo = now.AddDays(-1);
        await db.PasswordFailures.Where(failure => failure.AccountKey == accountKey && failure.FailedAt < dayAgo).ExecuteDeleteAsync(cancellationToken);
        db.PasswordFailures.Add(new PasswordFailure { AccountKey = accountKey, ClientKey = clientKey, FailedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

}
