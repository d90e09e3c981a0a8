using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Infrastructure.Data.Configurations;

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

internal sealed class DailyQuestionConfiguration : IEntityTypeConfiguration<DailyQuestion>
{
    /// <summary>One question per couple per local day: two partners opening the page at once can't create two.</summary>
    public const string OnePerCoupleAndDayIndex = "ux_daily_questions_one_per_couple_and_day";

    public void Configure(EntityTypeBuilder<DailyQuestion> builder)
    {
        builder.ToTable("daily_questions");
        builder.HasKey(daily => daily.Id);
        builder.Property(daily => daily.Id).ValueGeneratedNever();
        builder.Ignore(daily => daily.IsRevealed);
        builder.Property(daily => daily.Version).IsRowVersion();
        builder.HasOne<Couple>().WithMany().HasForeignKey(daily => daily.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(daily => daily.QuestionId).OnDelete(DeleteBehavior.Restrict);
        // INCLUDE (id): the dashboard's streak finds a year of the couple's question ids from the index alone.
        builder.HasIndex(daily => new { daily.CoupleId, daily.Day }).IsUnique().HasDatabaseName(OnePerCoupleAndDayIndex)
            .IncludeProperties(daily => daily.Id);
        builder.HasMany(daily => daily.Answers).WithOne().HasForeignKey(answer => answer.DailyQuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(daily => daily.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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

internal sealed class CheckInPreferenceConfiguration : IEntityTypeConfiguration<CheckInPreference>
{
    public void Configure(EntityTypeBuilder<CheckInPreference> builder)
    {
        builder.ToTable("check_in_preferences");
        builder.HasKey(preference => preference.CoupleId);
        builder.Property(preference => preference.Depth).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Couple>().WithMany().HasForeignKey(preference => preference.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
