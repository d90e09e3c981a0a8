using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using CoupleConnect.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

public sealed record CoupleSettings(string Name, string HomeTimeZoneId, DateOnly? Anniversary, string PartnerName, DateTimeOffset Since);

/// <summary>The couple's shared settings, and leaving. Always the signed-in person's own couple, via <see cref="CurrentCouple"/>.</summary>
public sealed class CoupleSettingsService(
    CurrentCouple currentCouple,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider timeProvider,
    AppLinks links,
    IMailSender mailSender,
    ILogger<CoupleSettingsService> logger)
{
    /// <summary>What a partner types to confirm leaving, so it can't happen by a stray tap.</summary>
    public const string LeaveConfirmationWord = "leave";

    public async Task<CoupleSettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        return new CoupleSettings(scope.CoupleName, scope.HomeZone.Value, scope.Anniversary, scope.PartnerName, scope.PairedAt);
    }

    public async Task<ServiceResult> SaveAsync(CoupleSettingsInput input, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail("You're not in a couple right now, so there are no couple settings to change.");
        }

        if (!CoupleName.TryParse(input.Name, out var name, out var nameProblem))
        {
            return ServiceResult.Fail(nameProblem!);
        }

        if (!TimeZoneId.TryParse(input.HomeTimeZoneId, out var zone))
        {
            return ServiceResult.Fail("We don't know that time zone. Please pick one from the list.");
        }

        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var couple = await db.Couples.Include(couple => couple.Members).SingleAsync(couple => couple.Id == scope.CoupleId, cancellationToken);
        try
        {
            couple.Rename(scope.UserId, name!);
            couple.ChangeHomeTimeZone(scope.UserId, zone!);
            couple.SetAnniversary(scope.UserId, input.Anniversary, zone!.LocalDate(timeProvider.GetUtcNow()));
        }
        catch (CoupleRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        if (db.Entry(couple).Property(couple => couple.HomeTimeZoneId).IsModified)
        {
            // Rituals keep their local times in the new zone; their reminders follow.
            await RitualReminderPlanner.ReplanCoupleAsync(db, zone!, scope.MemberIds, timeProvider.GetUtcNow(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    /// <summary>Ends the couple for both partners and tells the other one.</summary>
    public async Task<ServiceResult> LeaveAsync(string? typedConfirmation, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(typedConfirmation?.Trim(), LeaveConfirmationWord, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceResult.Fail($"To confirm, type the word \"{LeaveConfirmationWord}\".");
        }

        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail("You're not in a couple right now.");
        }

        try
        {
            await EndAsync(scope, cancellationToken);
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
        if (scope is null)
        {
            return;
        }

        await EndAsync(scope, cancellationToken);
    }

    /// <summary>The one way a couple ends: <paramref name="scope"/>'s person leaves, then the partner is told.</summary>
    private async Task EndAsync(CoupleScope scope, CancellationToken cancellationToken)
    {
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var couple = await db.Couples.Include(couple => couple.Members).SingleAsync(couple => couple.Id == scope.CoupleId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        couple.Leave(scope.UserId, now);

        // Secret links die with the couple: an invite either of them still had open (only a race at pairing leaves
        // one) would otherwise work again now that both are free.
        var memberIds = couple.Members.Select(member => member.UserId).ToList();
        var openInvites = await db.Invites.Where(invite => memberIds.Contains(invite.InviterId) && invite.RevokedAt == null && invite.AcceptedAt == null).ToListAsync(cancellationToken);
        openInvites.ForEach(invite => invite.Revoke(now));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);

            // All of the couple's ritual reminders and calendar addresses stop with it, for both partners, in the same
            // commit. (Unsubscribe links name the couple they were sent in, so they stop by themselves.)
            await RitualReminderPlanner.StopForCoupleAsync(db, cancellationToken);
            await CalendarFeedService.DeleteForCoupleAsync(db, couple.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Couple {CoupleId} ended by one partner", couple.Id);
        await NotifyPartnerAsync(db, scope, couple, cancellationToken);
    }

    private async Task NotifyPartnerAsync(AppDbContext db, CoupleScope scope, Couple couple, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(user => user.Id == scope.UserId || user.Id == scope.PartnerId).ToListAsync(cancellationToken);
        var leaver = people.Single(user => user.Id == scope.UserId);
        var partner = people.Single(user => user.Id == scope.PartnerId);
        try
        {
            var until = LocalTimeFormat.Day(couple.ArchiveAvailableUntil!.Value, partner.TimeZoneId);
            await mailSender.SendAsync(CoupleEmails.PartnerLeft(partner.Email!, partner.DisplayName, leaver.DisplayName, links.BaseUri.ToString(), until, partner.DiscreetEmails), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not email the former partner that the couple ended");
        }
    }
}

/// <summary>The couple settings form.</summary>
public sealed class CoupleSettingsInput
{
    public string Name { get; set; } = string.Empty;

    public string HomeTimeZoneId { get; set; } = string.Empty;

    public DateOnly? Anniversary { get; set; }
}
