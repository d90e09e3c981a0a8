using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Privacy;

/// <summary>Reveal together as the signed-in person sees it, and their own private mode (never the partner's).</summary>
public sealed record PrivacySettings(string PartnerName, bool RevealTogether, bool IAskedToEnd, bool PartnerAskedToEnd, bool PrivateMode);

/// <summary>
/// Who sees what, when (docs/adr/0036): the couple's reveal-together setting (either turns it on; off needs both) and
/// each person's private mode. Always the signed-in person's own couple; turning private mode on or off tells nobody.
/// </summary>
public sealed class PrivacyService(CurrentCouple currentCouple, IDbContextFactory<AppDbContext> dbFactory, CoupleNotifier notifier, TimeProvider timeProvider)
{
    public const string NotPairedMessage = "These settings start once your partner has joined you.";

    public async Task<PrivacySettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var couple = await db.Couples.AsNoTracking().Include(couple => couple.Members).SingleAsync(couple => couple.Id == scope.CoupleId, cancellationToken);
        return new PrivacySettings(
            scope.PartnerName,
            couple.RevealTogether,
            couple.RevealTogetherEndAskedBy == scope.UserId,
            couple.RevealTogetherEndAskedBy == scope.PartnerId,
            couple.IsPrivate(scope.UserId));
    }

    public Task<ServiceResult> TurnOnRevealTogetherAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync((couple, scope) => couple.TurnOnRevealTogether(scope.UserId), tellPartner: true, cancellationToken);

    /// <summary>Asks to turn reveal together off; it goes off only once the partner agrees (or had asked too).</summary>
    public Task<ServiceResult> AskToEndRevealTogetherAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync((couple, scope) => couple.AskToEndRevealTogether(scope.UserId), tellPartner: true, cancellationToken);

    public Task<ServiceResult> AgreeToEndRevealTogetherAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync((couple, scope) => couple.AgreeToEndRevealTogether(scope.UserId), tellPartner: true, cancellationToken);

    /// <summary>Takes back one's own request to turn it off, or declines the partner's.</summary>
    public Task<ServiceResult> KeepRevealTogetherAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync((couple, scope) => couple.KeepRevealTogether(scope.UserId), tellPartner: true, cancellationToken);

    /// <summary>The person's own private mode. Nothing is published: the partner's pages never learn of the switch.</summary>
    public Task<ServiceResult> ChoosePrivateModeAsync(bool on, CancellationToken cancellationToken = default) =>
        ChangeAsync((couple, scope) => couple.ChoosePrivateMode(scope.UserId, on, timeProvider.GetUtcNow()), tellPartner: false, cancellationToken);

    private async Task<ServiceResult> ChangeAsync(Action<Couple, CoupleScope> change, bool tellPartner, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(NotPairedMessage);
        }

        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var couple = await db.Couples.Include(couple => couple.Members).SingleAsync(couple => couple.Id == scope.CoupleId, cancellationToken);
        try
        {
            change(couple, scope);
        }
        catch (CoupleRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (tellPartner)
        {
            await notifier.PublishAsync(scope.CoupleId, CoupleChange.PrivacyChanged);
        }

        return ServiceResult.Ok;
    }

    /// <summary>Listens for the partner's reveal-together changes, so a request to turn it off shows without a reload.</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }
}
