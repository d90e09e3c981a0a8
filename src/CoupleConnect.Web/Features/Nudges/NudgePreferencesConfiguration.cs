using CoupleConnect.Domain.Nudges;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Nudges;

internal sealed class NudgePreferencesConfiguration : IEntityTypeConfiguration<NudgePreferences>
{
    public void Configure(EntityTypeBuilder<NudgePreferences> builder)
    {
        builder.ToTable("nudge_preferences");
        builder.HasKey(preferences => preferences.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<NudgePreferences>(preferences => preferences.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
