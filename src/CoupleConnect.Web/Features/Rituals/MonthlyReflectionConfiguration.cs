using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Rituals;

internal sealed class MonthlyReflectionConfiguration : IEntityTypeConfiguration<MonthlyReflection>
{
    public void Configure(EntityTypeBuilder<MonthlyReflection> builder)
    {
        builder.ToTable("monthly_reflections");
        builder.HasKey(reflection => new { reflection.RitualId, reflection.Day, reflection.AuthorId });
        builder.Property(reflection => reflection.WentWell).IsEncrypted();
        builder.Property(reflection => reflection.Goal).IsEncrypted();
        builder.HasOne<Ritual>().WithMany().HasForeignKey(reflection => reflection.RitualId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(reflection => reflection.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
