using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.Talks;

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> builder)
    {
        builder.ToTable("talks");
        builder.HasKey(talk => talk.Id);
        builder.Property(talk => talk.Id).ValueGeneratedNever();
        builder.Property(talk => talk.Topic).IsEncryptedOptional();
        builder.Property(talk => talk.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(talk => talk.Version).IsRowVersion();
        builder.HasOne<Couple>().WithMany().HasForeignKey(talk => talk.CoupleId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account takes its words with it (as check-in answers do): the talks it proposed and the turns it spoke.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(talk => talk.ProposedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(talk => talk.Turns).WithOne().HasForeignKey(turn => turn.TalkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(talk => talk.NextSteps).WithOne().HasForeignKey(step => step.TalkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(talk => talk.Turns).HasField("_turns").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(talk => talk.NextSteps).HasField("_nextSteps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(talk => talk.CurrentTurn);
        builder.Ignore(talk => talk.CompletedTurns);
        builder.Ignore(talk => talk.NextSpeakerId);
        builder.Ignore(talk => talk.TimeBox);
        builder.Ignore(talk => talk.EndsAt);
        builder.HasIndex(talk => new { talk.CoupleId, talk.CreatedAt });
    }
}

internal sealed class TalkTurnConfiguration : IEntityTypeConfiguration<TalkTurn>
{
    public void Configure(EntityTypeBuilder<TalkTurn> builder)
    {
        builder.ToTable("talk_turns");
        builder.HasKey(turn => turn.Id);
        builder.Property(turn => turn.Id).ValueGeneratedNever();
        builder.Property(turn => turn.Said).IsEncryptedOptional();
        builder.Property(turn => turn.Reflection).IsEncryptedOptional();
        builder.Property(turn => turn.Clarification).IsEncryptedOptional();
        builder.Property(turn => turn.Verdict).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(turn => turn.IsComplete);
        builder.Ignore(turn => turn.SaidRemoved);
        builder.Ignore(turn => turn.AwaitsReflection);
        builder.Ignore(turn => turn.AwaitsVerdict);
        builder.HasIndex(turn => new { turn.TalkId, turn.Number }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(turn => turn.SpeakerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TalkNextStepConfiguration : IEntityTypeConfiguration<TalkNextStep>
{
    public void Configure(EntityTypeBuilder<TalkNextStep> builder)
    {
        builder.ToTable("talk_next_steps");
        builder.HasKey(step => new { step.TalkId, step.AuthorId });
        builder.Property(step => step.Text).IsEncrypted();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(step => step.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
