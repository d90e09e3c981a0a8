using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>How deep the couple's daily questions go; a shared couple setting.</summary>
public sealed class QuestionDepthService(CurrentCouple currentCouple, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<DepthPreference?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckInPreferences.Where(preference => preference.CoupleId == scope.CoupleId).Select(preference => (DepthPreference?)preference.Depth).SingleOrDefaultAsync(cancellationToken)
            ?? DepthPreference.Automatic;
    }

    /// <summary>Applies from the next new day's question; today's stays as it is, so both partners keep the same one.</summary>
    public async Task<ServiceResult> SetAsync(DepthPreference depth, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(depth))
        {
            return ServiceResult.Fail("Please choose one of the options.");
        }

        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(CheckInService.NotPairedMessage);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preference = await db.CheckInPreferences.SingleOrDefaultAsync(preference => preference.CoupleId == scope.CoupleId, cancellationToken);
        if (preference is null)
        {
            db.CheckInPreferences.Add(new CheckInPreference { CoupleId = scope.CoupleId, Depth = depth });
        }
        else
        {
            preference.Depth = depth;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    public static string Describe(DepthPreference depth) => depth switch
    {
        DepthPreference.Light => "Light: easy, warm questions",
        DepthPreference.Mixed => "A mix of light, thoughtful and deep",
        DepthPreference.Deeper => "Deeper: thoughtful and vulnerable questions",
        _ => $"Gentle start: light for the first {QuestionSelector.GentleStartDays} days, then a mix",
    };
}
