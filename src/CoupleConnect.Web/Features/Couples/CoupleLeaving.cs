using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// Leaving a couple (docs/adr/0038): now, or quietly (out at once, the partner told later). The partner is told
/// through the reminder outbox, in the same commit that ends the couple for them, so the notice goes exactly once.
/// </summary>
public sealed class CoupleLeaving(
    CurrentCouple currentCouple,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider timeProvider,
    IEnumerable<ICoupleEndHook> hooks,
    AuthorWords authorWords,
    ILogger<CoupleLeaving> logger)
{
    /// <summary>What a partner types to confirm leaving, so it can't happen by a stray tap.</summary>
    public const string ConfirmationWord = "leave";

    public async Task<ServiceResult> LeaveAsync(LeaveRequest request, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(request.Confirmation?.Trim(), ConfirmationWord, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceResult.Fail($"To confirm, type the word \"{ConfirmationWord}\".");
        }

        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail("You're not in a couple right now.");
        }

        try
        {
            if (request.Quietly)
            {
                await LeaveQuietlyAsync(scope, request, cancellationToken);
            }
            else
            {
                await EndAsync(scope, cancellationToken);
                if (request.RemoveMyWords)
                {
                    await authorWords.RemoveFromEndedCoupleAsync(scope.UserId, scope.CoupleId, cancellationToken);
                }
            }
        }
        catch (CoupleRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        return ServiceResult.Ok;
    }

    /// <summary>
    /// Account deletion: ends the person's active couple, if any, and tells the partner. Takes the user id from the
    /// server (the deletion page's authenticated user), never from the browser.
    /// </summary>
    public async Task EndForClosedAccountAsync(string userId, CancellationToken cancellationToken = default)
    {
        var scope = await CurrentCouple.ForUserAsync(dbFactory, userId, cancellationToken);
        if (scope is not null)
        {
            await EndAsync(scope, cancellationToken);
        }
    }

    /// <summary>Ends, for the partners still waiting, every quiet leave whose delay is over, and tells them. Idempotent.</summary>
    public async Task<int> FinishDueQuietLeavesAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await lookup.Couples.AsNoTracking()
            .Where(couple => couple.EndedAt == null && couple.TellPartnerAt != null && couple.TellPartnerAt <= now)
            .Select(couple => couple.Id)
            .ToListAsync(cancellationToken);
        var finished = 0;
        foreach (var coupleId in due)
        {
            await using var db = await CoupleDb.OpenAsync(dbFactory, coupleId, cancellationToken);
            var couple = await db.Couples.Include(couple => couple.Members).SingleAsync(couple => couple.Id == coupleId, cancellationToken);
            var partnerId = couple.PartnerToTell;
            if (!couple.EndQuietLeaveIfDue(now))
            {
                continue;
            }

            await CommitEndAsync(db, couple, partnerId, now, cancellationToken);
            logger.LogInformation("Couple {CoupleId} ended: a quiet leave's delay was over", coupleId);

            // Only now, so that nothing changed on the partner's pages before they were told.
            if (couple.RemoveLeaverWords)
            {
                await authorWords.RemoveFromEndedCoupleAsync(couple.EndedById!, coupleId, cancellationToken);
            }

            finished++;
        }

        return finished;
    }

    private async Task LeaveQuietlyAsync(CoupleScope scope, LeaveRequest request, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var couple = await db.Couples.Include(couple => couple.Members).SingleAsync(couple => couple.Id == scope.CoupleId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        couple.LeaveQuietly(scope.UserId, now, request.TellPartnerAfter, request.RemoveMyWords);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Nothing the leaver wrote but the partner has not seen may reach them now, and the leaver's own secret links die.
        foreach (var hook in hooks)
        {
            await hook.LeftQuietlyAsync(db, couple, scope.UserId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Couple {CoupleId}: one partner left quietly; the other is told at {TellAt}", couple.Id, couple.TellPartnerAt);
    }

    /// <summary>The one way a couple ends at once: <paramref name="scope"/>'s person leaves, then the partner is told.</summary>
    private async Task EndAsync(CoupleScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var couple = await db.Couples.Include(couple => couple.Members).SingleAsync(couple => couple.Id == scope.CoupleId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var toTell = couple.Leave(scope.UserId, now);
        await CommitEndAsync(db, couple, toTell, now, cancellationToken);
        logger.LogInformation("Couple {CoupleId} ended by one partner", couple.Id);
    }

    /// <summary>Saves an ended couple with everything that ends with it, and queues the partner's notice, in one commit.</summary>
    private async Task CommitEndAsync(AppDbContext db, Couple couple, string? toTell, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Secret links die with the couple: an invite either of them still had open (only a race at pairing leaves
        // one) would otherwise work again now that both are free.
        var memberIds = couple.Members.Select(member => member.UserId).ToList();
        var openInvites = await db.Invites.Where(invite => memberIds.Contains(invite.InviterId) && invite.RevokedAt == null && invite.AcceptedAt == null).ToListAsync(cancellationToken);
        openInvites.ForEach(invite => invite.Revoke(now));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Reminders, calendar addresses and the partner's notice end or start with it, in the same commit.
        foreach (var hook in hooks)
        {
            await hook.EndedAsync(db, couple, toTell, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
