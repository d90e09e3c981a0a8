using CoupleConnect.Web.Features.Accounts;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>A couple can't outlive one of its partners: closing an account ends its couple first, and the partner is told.</summary>
internal sealed class CoupleAccountHook(CoupleSettingsService couples) : IAccountLifecycleHook
{
    public Task AccountClosingAsync(string userId, CancellationToken cancellationToken) =>
        couples.EndForClosedAccountAsync(userId, cancellationToken);
}
