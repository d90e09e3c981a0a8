using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.CheckIns;

internal sealed class CheckInAnswerConfiguration : IEntityTypeConfiguration<CheckInAnswer>
{
    public void Configure(EntityTypeBuilder<CheckInAnswer> builder)
    {
        builder.ToTable("check_in_answers");
        builder.HasKey(answer => answer.Id);
        builder.Property(answer => answer.Id).ValueGeneratedNever();
        builder.Property(answer => answer.Text).IsRequired().IsEncrypted();
        builder.Property(answer => answer.ReflectionText).IsEncryptedOptional();
        builder.Property(answer => answer.Clarification).IsEncryptedOptional();
        builder.Property(answer => answer.Verdict).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(answer => answer.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // INCLUDE (answered_at): the dashboard's streak reads who answered when from the index alone.
        builder.HasIndex(answer => new { answer.DailyQuestionId, answer.AuthorId }).IsUnique()
            .IncludeProperties(answer => answer.AnsweredAt);
    }
}
