using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Rituals;

internal sealed class RitualConfiguration : IEntityTypeConfiguration<Ritual>
{
    public void Configure(EntityTypeBuilder<Ritual> builder)
    {
        builder.ToTable("rituals");
        builder.HasKey(ritual => ritual.Id);
        builder.Property(ritual => ritual.Id).ValueGeneratedNever();
        builder.Property(ritual => ritual.TemplateKey).HasMaxLength(40);
        builder.Property(ritual => ritual.Name).IsEncrypted();
        builder.Property(ritual => ritual.Description).IsEncryptedOptional();
        builder.Property(ritual => ritual.Repeat).HasConversion<string>().HasMaxLength(32);
        builder.Property(ritual => ritual.NthWeekday).HasConversion<string>().HasMaxLength(16);
        builder.Property(ritual => ritual.CreatedById).HasMaxLength(450);
        builder.Ignore(ritual => ritual.Schedule);
        builder.Ignore(ritual => ritual.IsDeleted);
        builder.Ignore(ritual => ritual.IsMonthlyReflection);
        builder.HasOne<Couple>().WithMany().HasForeignKey(ritual => ritual.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(ritual => ritual.CoupleId);
    }
}
