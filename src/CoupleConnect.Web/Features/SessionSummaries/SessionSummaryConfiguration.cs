using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.SessionSummaries;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.SessionSummaries;

internal sealed class SessionSummaryConfiguration : IEntityTypeConfiguration<SessionSummary>
{
    public void Configure(EntityTypeBuilder<SessionSummary> builder)
    {
        builder.ToTable("session_summaries");
        builder.HasKey(summary => summary.Id);
        builder.Property(summary => summary.Id).ValueGeneratedNever();
        builder.Property(summary => summary.UpdatedAt).IsConcurrencyToken();
        builder.HasOne<Couple>().WithMany().HasForeignKey(summary => summary.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(summary => summary.ProposedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(summary => summary.Ticks).WithOne().HasForeignKey(tick => tick.SummaryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(summary => summary.Ticks).HasField("_ticks").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(summary => summary.AvailableUntil);
        builder.HasIndex(summary => new { summary.CoupleId, summary.ProposedAt });
    }
}

internal sealed class SummaryTickConfiguration : IEntityTypeConfiguration<SummaryTick>
{
    public void Configure(EntityTypeBuilder<SummaryTick> builder)
    {
        builder.ToTable("session_summary_ticks");
        builder.HasKey(tick => new { tick.SummaryId, tick.AuthorId, tick.Kind, tick.EntryId });
        builder.Property(tick => tick.Kind).HasMaxLength(32);
    }
}
