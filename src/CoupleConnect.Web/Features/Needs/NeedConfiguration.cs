using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Needs;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Needs;

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.ToTable("needs");
        builder.HasKey(need => need.Id);
        builder.Property(need => need.Id).ValueGeneratedNever();
        builder.Property(need => need.Text).IsEncrypted();
        builder.Ignore(need => need.IsOnList);
        builder.Ignore(need => need.IsBeingTried);
        builder.HasOne<Couple>().WithMany().HasForeignKey(need => need.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(need => need.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(need => new { need.CoupleId, need.AuthorId });
    }
}

internal sealed class NeedVersionConfiguration : IEntityTypeConfiguration<NeedVersion>
{
    public void Configure(EntityTypeBuilder<NeedVersion> builder)
    {
        builder.ToTable("need_versions");
        builder.HasKey(version => version.Id);
        builder.Property(version => version.Id).ValueGeneratedNever();
        builder.Property(version => version.Text).IsEncrypted();
        builder.Property(version => version.Change).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Need>().WithMany().HasForeignKey(version => version.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(version => new { version.CoupleId, version.NeedId });
    }
}

internal sealed class NeedAnswerConfiguration : IEntityTypeConfiguration<NeedAnswer>
{
    public void Configure(EntityTypeBuilder<NeedAnswer> builder)
    {
        builder.ToTable("need_answers");
        builder.HasKey(answer => answer.Id);
        builder.Property(answer => answer.Id).ValueGeneratedNever();
        builder.Property(answer => answer.Text).IsEncrypted();
        builder.HasOne<Need>().WithMany().HasForeignKey(answer => answer.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Ritual>().WithMany().HasForeignKey(answer => answer.RitualId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(answer => answer.AuthorId).OnDelete(DeleteBehavior.Cascade);

        // One answer per partner, per need, per reflection session.
        builder.HasIndex(answer => new { answer.NeedId, answer.RitualId, answer.Day, answer.AuthorId }).IsUnique();
        builder.HasIndex(answer => new { answer.CoupleId, answer.RitualId, answer.Day });
    }
}
