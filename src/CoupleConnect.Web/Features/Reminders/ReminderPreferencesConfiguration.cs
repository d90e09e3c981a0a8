using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Reminders;

/// <summary>
/// Every account has exactly one row (created with the account, <see cref="ReminderAccountHook"/>), so nothing reads a
/// missing row as "the defaults". The columns' database defaults come from <see cref="ReminderPreferences.DefaultsFor"/>,
/// the one place they are written, for rows added by SQL (the backfill of older accounts).
/// </summary>
internal sealed class ReminderPreferencesConfiguration : IEntityTypeConfiguration<ReminderPreferences>
{
    public void Configure(EntityTypeBuilder<ReminderPreferences> builder)
    {
        builder.ToTable("reminder_preferences");
        builder.HasKey(preferences => preferences.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<ReminderPreferences>(preferences => preferences.UserId).OnDelete(DeleteBehavior.Cascade);

        // ValueGeneratedNever: EF always writes the entity's own values; the defaults only serve SQL that names no value.
        var defaults = ReminderPreferences.DefaultsFor(string.Empty);
        builder.Property(preferences => preferences.QuestionReminderOn).HasDefaultValue(defaults.QuestionReminderOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.QuestionReminderAt).HasDefaultValue(defaults.QuestionReminderAt).ValueGeneratedNever();
        builder.Property(preferences => preferences.GratitudeReminderOn).HasDefaultValue(defaults.GratitudeReminderOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.GratitudeReminderAt).HasDefaultValue(defaults.GratitudeReminderAt).ValueGeneratedNever();
        builder.Property(preferences => preferences.PartnerActivityOn).HasDefaultValue(defaults.PartnerActivityOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.WeeklySummaryOn).HasDefaultValue(defaults.WeeklySummaryOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.TalkRemindersOn).HasDefaultValue(defaults.TalkRemindersOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.ShareHighlightText).HasDefaultValue(defaults.ShareHighlightText).ValueGeneratedNever();
        builder.Property(preferences => preferences.TimeOutEmailsOn).HasDefaultValue(defaults.TimeOutEmailsOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.WeeklyTemperatureOn).HasDefaultValue(defaults.WeeklyTemperatureOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.WeeklyTemperatureDay).HasDefaultValue(defaults.WeeklyTemperatureDay).ValueGeneratedNever();
        builder.Property(preferences => preferences.WeeklyTemperatureAt).HasDefaultValue(defaults.WeeklyTemperatureAt).ValueGeneratedNever();
    }
}
