using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoupleConnect.Web.Features.CheckIns;

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
        builder.Ignore(daily => daily.BothAnswered);
        builder.Ignore(daily => daily.IsWaitingForReveal);
        builder.Property(daily => daily.Version).IsRowVersion();
        builder.HasOne<Couple>().WithMany().HasForeignKey(daily => daily.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(daily => daily.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Question>().WithMany().HasForeignKey(daily => daily.SwappedQuestionId).OnDelete(DeleteBehavior.Restrict);
        // INCLUDE (id): the dashboard's streak finds a year of the couple's question ids from the index alone.
        builder.HasIndex(daily => new { daily.CoupleId, daily.Day }).IsUnique().HasDatabaseName(OnePerCoupleAndDayIndex)
            .IncludeProperties(daily => daily.Id);
        builder.HasMany(daily => daily.Answers).WithOne().HasForeignKey(answer => answer.DailyQuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(daily => daily.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
