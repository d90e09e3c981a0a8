using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Goals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Goals;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("goals");
        builder.HasKey(goal => goal.Id);
        builder.Property(goal => goal.Id).ValueGeneratedNever();
        builder.Property(goal => goal.Name).IsEncrypted();
        builder.Property(goal => goal.Why).IsEncryptedOptional();
        builder.Property(goal => goal.Rhythm).HasConversion<string>().HasMaxLength(16);
        builder.Property(goal => goal.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(goal => goal.IsActive);
        builder.HasOne<Couple>().WithMany().HasForeignKey(goal => goal.CoupleId).OnDelete(DeleteBehavior.Cascade);

        // A goal outlives a deleted account (the other partner's history keeps it), so the people are plain ids here.
        builder.HasIndex(goal => new { goal.CoupleId, goal.Status });
    }
}

internal sealed class GoalNoteConfiguration : IEntityTypeConfiguration<GoalNote>
{
    public void Configure(EntityTypeBuilder<GoalNote> builder)
    {
        builder.ToTable("goal_notes");
        builder.HasKey(note => note.Id);
        builder.Property(note => note.Id).ValueGeneratedNever();
        builder.Property(note => note.Text).IsEncrypted();
        builder.HasOne<Goal>().WithMany().HasForeignKey(note => note.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(note => note.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(note => new { note.CoupleId, note.GoalId, note.CreatedAt });
        builder.HasIndex(note => note.AuthorId);
    }
}
