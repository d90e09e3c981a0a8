using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>The reminders form: times as typed ("08:00"), validated on save.</summary>
public sealed class ReminderPreferencesInput
{
    public bool QuestionReminderOn { get; set; }

    public string QuestionReminderAt { get; set; } = LocalTimeOfDay.MorningDefault.ToString();

    public bool GratitudeReminderOn { get; set; }

    public string GratitudeReminderAt { get; set; } = LocalTimeOfDay.EveningDefault.ToString();

    public bool PartnerActivityOn { get; set; }

    public bool WeeklySummaryOn { get; set; }

    public bool ShareHighlightText { get; set; }

    /// <summary>On unless turned off, as a new account's are: an input that does not mention them leaves them on.</summary>
    public bool TalkRemindersOn { get; set; } = true;

    /// <inheritdoc cref="TalkRemindersOn"/>
    public bool TimeOutEmailsOn { get; set; } = true;

    /// <summary>On by default; the day and the local time are each person's own.</summary>
    public bool WeeklyTemperatureOn { get; set; } = true;

    public DayOfWeek WeeklyTemperatureDay { get; set; } = DayOfWeek.Sunday;

    public string WeeklyTemperatureAt { get; set; } = "19:00";

    /// <summary>Every email's subject and preview say nothing personal (stored on the person, not per reminder).</summary>
    public bool DiscreetEmails { get; set; }

    /// <summary>Set when the mail server refused the person's address for good; reminders wait until they act.</summary>
    public string? BouncedAddress { get; init; }
}

/// <summary>The signed-in person's own reminder settings; saving re-plans their schedule in the same transaction.</summary>
public sealed class ReminderPreferencesService(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, ReminderScheduler scheduler)
{
    public async Task<ReminderPreferencesInput?> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preferences = await db.ReminderPreferences.AsNoTracking().SingleAsync(preferences => preferences.UserId == userId, cancellationToken);
        var person = await db.Users.Where(user => user.Id == userId)
            .Select(user => new { Bounced = user.EmailBouncedAt != null ? user.Email : null, user.DiscreetEmails })
            .SingleAsync(cancellationToken);
        return new ReminderPreferencesInput
        {
            QuestionReminderOn = preferences.QuestionReminderOn,
            QuestionReminderAt = LocalTimeOfDay.From(preferences.QuestionReminderAt).ToString(),
            GratitudeReminderOn = preferences.GratitudeReminderOn,
            GratitudeReminderAt = LocalTimeOfDay.From(preferences.GratitudeReminderAt).ToString(),
            PartnerActivityOn = preferences.PartnerActivityOn,
            WeeklySummaryOn = preferences.WeeklySummaryOn,
            ShareHighlightText = preferences.ShareHighlightText,
            TalkRemindersOn = preferences.TalkRemindersOn,
            TimeOutEmailsOn = preferences.TimeOutEmailsOn,
            WeeklyTemperatureOn = preferences.WeeklyTemperatureOn,
            WeeklyTemperatureDay = preferences.WeeklyTemperatureDay,
            WeeklyTemperatureAt = LocalTimeOfDay.From(preferences.WeeklyTemperatureAt).ToString(),
            DiscreetEmails = person.DiscreetEmails,
            BouncedAddress = person.Bounced,
        };
    }

    public async Task<ServiceResult> SaveAsync(ReminderPreferencesInput input, CancellationToken cancellationToken = default)
    {
        if (!LocalTimeOfDay.TryParse(input.QuestionReminderAt, out var questionAt, out var problem))
        {
            return ServiceResult.Fail("Morning question reminder: " + problem);
        }

        if (!LocalTimeOfDay.TryParse(input.GratitudeReminderAt, out var gratitudeAt, out problem))
        {
            return ServiceResult.Fail("Gratitude reminder: " + problem);
        }

        if (!LocalTimeOfDay.TryParse(input.WeeklyTemperatureAt, out var temperatureAt, out problem))
        {
            return ServiceResult.Fail("Weekly temperature reminder: " + problem);
        }

        if (!Enum.IsDefined(input.WeeklyTemperatureDay))
        {
            return ServiceResult.Fail("Weekly temperature reminder: please pick a day of the week.");
        }

        var userId = await currentUser.GetIdAsync();
        if (userId is null)
        {
            return ServiceResult.Fail("Please sign in first.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preferences = await db.ReminderPreferences.SingleAsync(preferences => preferences.UserId == userId, cancellationToken);
        preferences.Change(input.QuestionReminderOn, questionAt!, input.GratitudeReminderOn, gratitudeAt!, input.PartnerActivityOn);
        preferences.ChangeWeeklySummary(input.WeeklySummaryOn, input.ShareHighlightText);
        preferences.ChangeHardDayEmails(input.TalkRemindersOn, input.TimeOutEmailsOn);
        preferences.ChangeWeeklyTemperature(input.WeeklyTemperatureOn, input.WeeklyTemperatureDay, temperatureAt!);
        var person = await db.Users.SingleAsync(user => user.Id == userId, cancellationToken);
        person.DiscreetEmails = input.DiscreetEmails;
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
