using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Positives;

internal sealed class PositiveConfiguration : IEntityTypeConfiguration<Positive>
{
    public void Configure(EntityTypeBuilder<Positive> builder)
    {
        builder.ToTable("positives");
        builder.HasKey(positive => positive.Id);
        builder.Property(positive => positive.Id).ValueGeneratedNever();
        builder.Property(positive => positive.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(positive => positive.Note).IsEncryptedOptional();
        builder.Ignore(positive => positive.IsAcknowledged);
        builder.Ignore(positive => positive.IsHeart);
        builder.HasOne<Couple>().WithMany().HasForeignKey(positive => positive.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(positive => positive.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(positive => positive.AboutId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard reads the latest entries and the last twelve weeks by day, always for one couple. Covering
        // (INCLUDE): the streak's year of (author, time) and the chart's twelve weeks of (day, author, gratitude?) are
        // read from the index alone, not one heap page per row (bench/results/dashboard.md).
        builder.HasIndex(positive => new { positive.CoupleId, positive.CreatedAt })
            .IncludeProperties(positive => positive.AuthorId);
        builder.HasIndex(positive => new { positive.CoupleId, positive.Day })
            .IncludeProperties(positive => new { positive.AuthorId, positive.IsEveningGratitude });

        // One heart per author per day's question: taking it back removes exactly that entry.
        builder.HasIndex(positive => new { positive.CoupleId, positive.AuthorId, positive.HeartOnQuestionOf })
            .IsUnique()
            .HasFilter("heart_on_question_of IS NOT NULL");

        // "Already thanked today?" for the evening reminder: one author, one day.
        builder.HasIndex(positive => new { positive.AuthorId, positive.Day });
    }
}
