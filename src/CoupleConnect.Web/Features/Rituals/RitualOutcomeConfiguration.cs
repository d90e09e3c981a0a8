using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Rituals;

internal sealed class RitualOutcomeConfiguration : IEntityTypeConfiguration<RitualOutcome>
{
    public void Configure(EntityTypeBuilder<RitualOutcome> builder)
    {
        builder.ToTable("ritual_outcomes");
        builder.HasKey(outcome => outcome.Id);
        builder.Property(outcome => outcome.Id).ValueGeneratedNever();
        builder.Property(outcome => outcome.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(outcome => outcome.MarkedById).HasMaxLength(450);
        builder.HasOne<Ritual>().WithMany().HasForeignKey(outcome => outcome.RitualId).OnDelete(DeleteBehavior.Cascade);

        // One outcome per occurrence: two partners marking at once update the same row.
        builder.HasIndex(outcome => new { outcome.RitualId, outcome.Day }).IsUnique();
        builder.HasIndex(outcome => new { outcome.CoupleId, outcome.Day });
    }
}
