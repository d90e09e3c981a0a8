using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// A feature's part in an account's life, called by <see cref="AccountLifecycle"/> only. Accounts knows no feature:
/// a feature that keeps something per person (reminders, a couple) registers a hook instead of each account page
/// remembering to call it.
/// </summary>
public interface IAccountLifecycleHook
{
    /// <summary>Stages this feature's rows for a new account in <paramref name="db"/>; they commit with the account.</summary>
    Task AccountCreatedAsync(AppDbContext db, string userId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stages what follows a new name or time zone in <paramref name="db"/>; it commits with the change.</summary>
    Task ProfileChangedAsync(AppDbContext db, string userId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends what can't outlive the account (and tells whoever must know), before the account is deleted.</summary>
    Task AccountClosingAsync(string userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
