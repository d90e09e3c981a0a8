using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.CheckIns;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("questions");
        builder.HasKey(question => question.Id);
        builder.Property(question => question.Id).ValueGeneratedNever();
        builder.Property(question => question.Text).HasMaxLength(Question.MaxLength).IsRequired();
        builder.Property(question => question.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(question => question.Depth).HasConversion<string>().HasMaxLength(16);

        // The bank is seeded by migrations: adding or rewording a question produces a new migration.
        builder.HasData(QuestionBank.All);
    }
}
