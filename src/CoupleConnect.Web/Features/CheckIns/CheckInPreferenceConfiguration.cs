using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.CheckIns;

internal sealed class CheckInPreferenceConfiguration : IEntityTypeConfiguration<CheckInPreference>
{
    public void Configure(EntityTypeBuilder<CheckInPreference> builder)
    {
        builder.ToTable("check_in_preferences");
        builder.HasKey(preference => preference.CoupleId);
        builder.Property(preference => preference.Depth).HasConversion<string>().HasMaxLength(16);
        builder.PrimitiveCollection(preference => preference.Topics).ElementType().HasConversion<string>();
        builder.HasOne<Couple>().WithMany().HasForeignKey(preference => preference.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
