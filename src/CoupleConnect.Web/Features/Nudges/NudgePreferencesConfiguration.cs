using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Nudges;

/// <summary>
/// Every account has exactly one row (created with the account, <see cref="NudgeAccountHook"/>), so nothing reads a
/// missing row as "the defaults". The columns' database defaults come from <see cref="NudgePreferences.DefaultsFor"/>,
/// the one place they are written, for rows added by SQL (the backfill of older accounts).
/// </summary>
internal sealed class NudgePreferencesConfiguration : IEntityTypeConfiguration<NudgePreferences>
{
    public void Configure(EntityTypeBuilder<NudgePreferences> builder)
    {
        builder.ToTable("nudge_preferences");
        builder.HasKey(preferences => preferences.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<NudgePreferences>(preferences => preferences.UserId).OnDelete(DeleteBehavior.Cascade);

        // ValueGeneratedNever: EF always writes the entity's own values; the defaults only serve SQL that names no value.
        var defaults = NudgePreferences.DefaultsFor(string.Empty);
        builder.Property(preferences => preferences.QuestionNudgeOn).HasDefaultValue(defaults.QuestionNudgeOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.QuestionNudgeAt).HasDefaultValue(defaults.QuestionNudgeAt).ValueGeneratedNever();
        builder.Property(preferences => preferences.GratitudeNudgeOn).HasDefaultValue(defaults.GratitudeNudgeOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.GratitudeNudgeAt).HasDefaultValue(defaults.GratitudeNudgeAt).ValueGeneratedNever();
        builder.Property(preferences => preferences.PartnerActivityOn).HasDefaultValue(defaults.PartnerActivityOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.WeeklySummaryOn).HasDefaultValue(defaults.WeeklySummaryOn).ValueGeneratedNever();
        builder.Property(preferences => preferences.ShareHighlightText).HasDefaultValue(defaults.ShareHighlightText).ValueGeneratedNever();
    }
}
