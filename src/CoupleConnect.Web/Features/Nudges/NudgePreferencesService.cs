using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>The reminders form: times as typed ("08:00"), validated on save.</summary>
public sealed class NudgePreferencesInput
{
    public bool QuestionNudgeOn { get; set; }

    public string QuestionNudgeAt { get; set; } = LocalTimeOfDay.MorningDefault.ToString();

    public bool GratitudeNudgeOn { get; set; }

    public string GratitudeNudgeAt { get; set; } = LocalTimeOfDay.EveningDefault.ToString();

    public bool PartnerActivityOn { get; set; }

    public bool WeeklySummaryOn { get; set; }

    public bool ShareHighlightText { get; set; }

    /// <summary>Set when the mail server refused the person's address for good; reminders wait until they act.</summary>
    public string? BouncedAddress { get; init; }
}

/// <summary>The signed-in person's own reminder settings; saving re-plans their schedule in the same transaction.</summary>
public sealed class NudgePreferencesService(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, NudgeScheduler scheduler)
{
    public async Task<NudgePreferencesInput?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preferences = await db.NudgePreferences.AsNoTracking().SingleAsync(preferences => preferences.UserId == userId, cancellationToken);
        var bounced = await db.Users.Where(user => user.Id == userId && user.EmailBouncedAt != null).Select(user => user.Email).SingleOrDefaultAsync(cancellationToken);
        return new NudgePreferencesInput
        {
            QuestionNudgeOn = preferences.QuestionNudgeOn,
            QuestionNudgeAt = LocalTimeOfDay.From(preferences.QuestionNudgeAt).ToString(),
            GratitudeNudgeOn = preferences.GratitudeNudgeOn,
            GratitudeNudgeAt = LocalTimeOfDay.From(preferences.GratitudeNudgeAt).ToString(),
            PartnerActivityOn = preferences.PartnerActivityOn,
            WeeklySummaryOn = preferences.WeeklySummaryOn,
            ShareHighlightText = preferences.ShareHighlightText,
            BouncedAddress = bounced,
        };
    }

    public async Task<ServiceResult> SaveAsync(NudgePreferencesInput input, CancellationToken cancellationToken = default)
    {
        if (!LocalTimeOfDay.TryParse(input.QuestionNudgeAt, out var questionAt, out var problem))
        {
            return ServiceResult.Fail("Morning question reminder: " + problem);
        }

        if (!LocalTimeOfDay.TryParse(input.GratitudeNudgeAt, out var gratitudeAt, out problem))
        {
            return ServiceResult.Fail("Evening gratitude reminder: " + problem);
        }

        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preferences = await db.NudgePreferences.SingleAsync(preferences => preferences.UserId == userId, cancellationToken);
        preferences.Change(input.QuestionNudgeOn, questionAt!, input.GratitudeNudgeOn, gratitudeAt!, input.PartnerActivityOn);
        preferences.ChangeWeeklySummary(input.WeeklySummaryOn, input.ShareHighlightText);
        await scheduler.RecomputeAsync(db, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    /// <summary>"I fixed my mailbox": lets reminders try the same address again after a bounce.</summary>
    public async Task<ServiceResult> RetryBouncedAddressAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(user => user.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(user => user.EmailBouncedAt, (DateTimeOffset?)null), cancellationToken);
        return ServiceResult.Ok;
    }
}
