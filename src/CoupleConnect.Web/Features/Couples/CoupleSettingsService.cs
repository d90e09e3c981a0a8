using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using CoupleConnect.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Couples;

public sealed record CoupleSettings(string Name, string HomeTimeZoneId, DateOnly? Anniversary, string PartnerName, DateTimeOffset Since, string MyTimeZoneId);

/// <summary>The couple's shared settings, and leaving. Always the signed-in person's own couple, via <see cref="CurrentCouple"/>.</summary>
public sealed class CoupleSettingsService(
    CurrentCouple currentCouple,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider timeProvider,
    CoupleLeaving leaving)
{
    /// <summary>What a partner types to confirm leaving, so it can't happen by a stray tap.</summary>
    public const string LeaveConfirmationWord = CoupleLeaving.ConfirmationWord;

    public async Task<CoupleSettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        return new CoupleSettings(scope.CoupleName, scope.HomeZone.Value, scope.Anniversary, scope.PartnerName, scope.PairedAt, scope.MyZone.Value);
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

    /// <summary>Ends the couple for both partners at once and tells the other one (see <see cref="CoupleLeaving"/>).</summary>
    public Task<ServiceResult> LeaveAsync(string? typedConfirmation, CancellationToken cancellationToken = default) =>
        leaving.LeaveAsync(new LeaveRequest { Confirmation = typedConfirmation }, cancellationToken);

    /// <summary>Account deletion: ends the person's active couple, if any, and tells the partner.</summary>
    public Task EndForClosedAccountAsync(string userId, CancellationToken cancellationToken = default) =>
        leaving.EndForClosedAccountAsync(userId, cancellationToken);
}

/// <summary>The couple settings form.</summary>
public sealed class CoupleSettingsInput
{
    public string Name { get; set; } = string.Empty;

    public string HomeTimeZoneId { get; set; } = string.Empty;

    public DateOnly? Anniversary { get; set; }
}
