using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>How deep the couple's daily questions go; a shared couple setting.</summary>
public sealed class QuestionDepthService(CoupleDb coupleDb)
{
    public async Task<DepthPreference?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var couple = await coupleDb.OpenAsync(cancellationToken);
        if (couple is null)
        {
            return null;
        }

        return await couple.Db.CheckInPreferences.Select(preference => (DepthPreference?)preference.Depth).SingleOrDefaultAsync(cancellationToken)
            ?? DepthPreference.Automatic;
    }

    /// <summary>Applies from the next new day's question; today's stays as it is, so both partners keep the same one.</summary>
    public async Task<ServiceResult> SetAsync(DepthPreference depth, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(depth))
        {
            return ServiceResult.Fail("Please choose one of the options.");
        }

        await using var couple = await coupleDb.OpenAsync(cancellationToken);
        if (couple is null)
        {
            return ServiceResult.Fail(CheckInService.NotPairedMessage);
        }

        var db = couple.Db;
        var preference = await db.CheckInPreferences.SingleOrDefaultAsync(cancellationToken);
        if (preference is null)
        {
            db.CheckInPreferences.Add(new CheckInPreference { CoupleId = couple.Scope.CoupleId, Depth = depth });
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
