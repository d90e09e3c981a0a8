using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Story;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Story;

internal sealed class StoryMomentConfiguration : IEntityTypeConfiguration<StoryMoment>
{
    public void Configure(EntityTypeBuilder<StoryMoment> builder)
    {
        builder.ToTable("story_moments");
        builder.HasKey(moment => moment.Id);
        builder.Property(moment => moment.Id).ValueGeneratedNever();
        builder.Property(moment => moment.Title).IsEncrypted();
        builder.Property(moment => moment.RoughTime).IsEncryptedOptional();
        builder.Property(moment => moment.Text).IsEncryptedOptional();
        builder.Ignore(moment => moment.IsRemoved);
        builder.HasOne<Couple>().WithMany().HasForeignKey(moment => moment.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(moment => moment.AuthorId).OnDelete(DeleteBehavior.Cascade);

        // The page reads one couple's story oldest first.
        builder.HasIndex(moment => new { moment.CoupleId, moment.Day });

        // "Add this month to our story" once per person per reflection, even from two taps at once.
        builder.HasIndex(moment => new { moment.CoupleId, moment.AuthorId, moment.FromReflection })
            .IsUnique()
            .HasFilter("from_reflection IS NOT NULL");
    }
}

internal sealed class StorySideConfiguration : IEntityTypeConfiguration<StorySide>
{
    public void Configure(EntityTypeBuilder<StorySide> builder)
    {
        builder.ToTable("story_sides");
        builder.HasKey(side => side.Id);
        builder.Property(side => side.Id).ValueGeneratedNever();
        builder.Property(side => side.Text).IsEncrypted();
        builder.HasOne<StoryMoment>().WithMany().HasForeignKey(side => side.MomentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(side => side.AuthorId).OnDelete(DeleteBehavior.Cascade);

        // One side per partner per moment.
        builder.HasIndex(side => new { side.MomentId, side.AuthorId }).IsUnique();
        builder.HasIndex(side => side.CoupleId);
    }
}
