using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Couples;

internal sealed class CoupleConfiguration : IEntityTypeConfiguration<Couple>
{
    public void Configure(EntityTypeBuilder<Couple> builder)
    {
        builder.ToTable("couples");
        builder.HasKey(couple => couple.Id);
        builder.Property(couple => couple.Id).ValueGeneratedNever();
        builder.Property(couple => couple.Name).HasMaxLength(CoupleName.MaxLength).IsRequired();
        builder.Property(couple => couple.HomeTimeZoneId).HasMaxLength(TimeZoneId.MaxLength).IsRequired();
        builder.Property(couple => couple.EndedById).HasMaxLength(450);
        builder.Property(couple => couple.QuietLeaverId).HasMaxLength(450);

        builder.Property(couple => couple.RevealTogetherEndAskedBy).HasMaxLength(450);
        builder.Ignore(couple => couple.IsActive);
        builder.Ignore(couple => couple.IsQuietLeavePending);
        builder.Ignore(couple => couple.PartnerToTell);
        builder.Ignore(couple => couple.ArchiveAvailableUntil);
        builder.HasMany(couple => couple.Members).WithOne().HasForeignKey(member => member.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(couple => couple.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(couple => couple.EndedAt);

        // The quiet-leave job looks only at couples still waiting to tell a partner.
        builder.HasIndex(couple => couple.TellPartnerAt).HasFilter("ended_at IS NULL AND tell_partner_at IS NOT NULL");
    }
}
